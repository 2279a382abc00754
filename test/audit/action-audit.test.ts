import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeTenant, makeUser } from '@/test/fixtures';
import { refused, runAction, succeeded } from '@/test/portal/run-action';
import { ACTION_MODULES, ACTION_RECIPES, NOT_AUDITED, versionOf } from './action-recipes';
import { eventsOf, idOfTarget, installAuditRefusal, rowsFingerprint, sameTransaction } from './audit-support';

vi.mock('next/headers', () => import('@/test/portal/next-request').then((m) => m.nextHeadersModule));
vi.mock('next/cache', () => import('@/test/portal/next-request').then((m) => m.nextCacheModule));

// Every server action, performed once by a signed-in CPO user: exactly one audit event in the
// change's transaction; with the audit insert refused, nothing of the change stays.
const exported = Object.entries(ACTION_MODULES).flatMap(([module, exports]) =>
  Object.entries(exports)
    .filter(([, value]) => typeof value === 'function')
    .map(([name]) => `${module}#${name}`),
);
const audited = exported.filter((name) => !NOT_AUDITED.has(name));

let tenantId: string;
let userId: string;
let failingUserId: string;
let removeRefusal: () => Promise<void>;

beforeAll(async () => {
  tenantId = (await makeTenant('Action audit')).id;
  userId = (await makeUser('cpo_admin')).id;
  failingUserId = (await makeUser('cpo_admin')).id;
  removeRefusal = await installAuditRefusal(`user:${failingUserId}`);
});

afterAll(async () => {
  await removeRefusal();
});

describe('audit completeness over the server actions', () => {
  it('walks every actions file of the app', async () => {
    const files = (await readdir('app', { recursive: true })).filter((f) => /(^|[-/])actions\.ts$/.test(f)).map((f) => `app/${f}`);
    expect(files.sort()).toEqual(Object.keys(ACTION_MODULES).sort());
  });

  it('every server action has a recipe here (or is listed as not a change of an audited entity)', () => {
    expect(audited.filter((name) => !ACTION_RECIPES[name])).toEqual([]);
  });

  it.each(audited)('%s', async (name) => {
    const recipe = ACTION_RECIPES[name]!;
    const prepared = await recipe.api.prepare(tenantId);
    const outcome = await runAction(recipe.action, userId, recipe.form(prepared, await versionOf(prepared).catch(() => '1'), tenantId));
    expect(succeeded(outcome), JSON.stringify(outcome)).toBe(true);
    const entityId = prepared.params?.id ?? (await idOfTarget(prepared.target))!;
    const events = await eventsOf(entityId, `user:${userId}`);
    expect(events.map((e) => ({ entity: e.entity, action: e.action }))).toEqual([{ entity: recipe.api.entity, action: recipe.api.action }]);
    expect(await sameTransaction(events[0]!.id, prepared.target, entityId)).toBe(true);

    const doomed = await recipe.api.prepare(tenantId);
    const before = await rowsFingerprint(doomed.target);
    const failed = await runAction(recipe.action, failingUserId, recipe.form(doomed, await versionOf(doomed).catch(() => '1'), tenantId));
    expect(refused(failed), JSON.stringify(failed)).toBe(true);
    expect(await rowsFingerprint(doomed.target)).toBe(before);
    const doomedId = doomed.params?.id ?? (await idOfTarget(doomed.target));
    if (doomedId) expect(await eventsOf(doomedId, `user:${failingUserId}`)).toEqual([]);
  });
});
