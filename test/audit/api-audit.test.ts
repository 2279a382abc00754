import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_ENDPOINTS } from '@/lib/api';
import { callEndpoint } from '@/test/isolation/api-call';
import { makeApiKey, makeTenant } from '@/test/fixtures';
import { API_RECIPES, type Prepared } from './api-recipes';
import { eventsOf, idOfTarget, installAuditRefusal, rowsFingerprint, sameTransaction } from './audit-support';

// Every mutating operation, performed once: exactly one audit event (entity, action, actor) in the
// change's own transaction; and with the audit insert made to fail, the change is rolled back too.
const mutations = ALL_ENDPOINTS.filter((e) => e.definition.method !== 'GET' && !e.definition.public);

let tenantId: string;
let ok: { secret: string; id: string };
let failing: { secret: string; id: string };
let removeRefusal: () => Promise<void>;

beforeAll(async () => {
  tenantId = (await makeTenant('Audit')).id;
  const okKey = await makeApiKey('cpo_admin', null);
  const failingKey = await makeApiKey('cpo_admin', null);
  ok = { secret: okKey.secret, id: okKey.key.id };
  failing = { secret: failingKey.secret, id: failingKey.key.id };
  removeRefusal = await installAuditRefusal(`api_key:${failing.id}`);
});

afterAll(async () => {
  await removeRefusal();
});

describe('audit completeness over the API', () => {
  it('every mutating operation has a recipe here', () => {
    expect(mutations.map((e) => e.definition.operationId).filter((id) => !API_RECIPES[id])).toEqual([]);
  });

  it.each(mutations.map((e) => [`${e.definition.method} ${e.definition.path}`, e] as const))('%s', async (_name, endpoint) => {
    const recipe = API_RECIPES[endpoint.definition.operationId]!;
    const call = (prepared: Prepared, key: string) => callEndpoint(endpoint, { key, ...prepared });

    // Once successfully: one event, the expected one, in the same transaction as the change.
    const prepared = await recipe.prepare(tenantId);
    const answer = await call(prepared, ok.secret);
    expect(answer.status, answer.text).toBeLessThan(300);
    const entityId = prepared.params?.id ?? (await idOfTarget(prepared.target))!;
    const events = await eventsOf(entityId, `api_key:${ok.id}`);
    expect(events.map((e) => ({ entity: e.entity, action: e.action }))).toEqual([{ entity: recipe.entity, action: recipe.action }]);
    expect(await sameTransaction(events[0]!.id, prepared.target, entityId)).toBe(true);

    // The audit insert fails: nothing of the change stays.
    const doomed = await recipe.prepare(tenantId);
    const before = await rowsFingerprint(doomed.target);
    const refused = await call(doomed, failing.secret);
    expect(refused.status).toBeGreaterThanOrEqual(500);
    expect(await rowsFingerprint(doomed.target)).toBe(before);
    const doomedId = doomed.params?.id ?? (await idOfTarget(doomed.target));
    if (doomedId) expect(await eventsOf(doomedId, `api_key:${failing.id}`)).toEqual([]);
  });
});
