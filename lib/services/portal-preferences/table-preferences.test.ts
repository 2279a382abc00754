import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { auditEvents, users } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { apiKeyContext, userContext } from '@/test/fixtures';
import { getTablePreferences, updateTablePreferences } from './index';

const idOf = (ctx: AuthContext) => (ctx.actor.kind === 'user' ? ctx.actor.id : '');
const storedOf = async (id: string) => (await getDb().select().from(users).where(eq(users.id, id)))[0]!;

let anna: AuthContext;
let bram: AuthContext;

beforeAll(async () => {
  anna = await userContext('viewer');
  bram = await userContext('cpo_admin');
});

describe('updateTablePreferences', () => {
  it('saves one table’s view on the user’s own row, field by field, with an audit event and no new version', async () => {
    const id = idOf(anna);
    const versionBefore = (await storedOf(id)).version;
    await updateTablePreferences({ ctx: anna, userId: id, table: 'charge_stations', view: { hidden_columns: ['status', 'status'] } });
    await updateTablePreferences({ ctx: anna, userId: id, table: 'charge_stations', view: { density: 'compact', page_size: 25 } });
    await updateTablePreferences({ ctx: anna, userId: id, table: 'locations', view: { page_size: 100 } });

    expect(await getTablePreferences({ ctx: anna, table: 'charge_stations' })).toEqual({
      hidden_columns: ['status'],
      density: 'compact',
      page_size: 25,
    });
    expect(await getTablePreferences({ ctx: anna, table: 'locations' })).toEqual({ page_size: 100 });
    expect(await getTablePreferences({ ctx: anna, table: 'users' })).toEqual({});
    expect((await storedOf(id)).version).toBe(versionBefore);

    const audits = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'user.table_preferences_updated')));
    expect(audits).toHaveLength(3);
    expect(audits.every((event) => event.actor === `user:${id}` && event.tenantId === null)).toBe(true);
    expect(audits.map((event) => event.changes)).toContainEqual({
      table_preferences: { before: { locations: {} }, after: { locations: { page_size: 100 } } },
    });
  });

  it('refuses to write another user’s preferences, even for a CPO admin, and an API key has none', async () => {
    const target = idOf(anna);
    const before = (await storedOf(target)).tablePreferences;
    const attempt = updateTablePreferences({ ctx: bram, userId: target, table: 'charge_stations', view: { density: 'comfortable' } });
    await expect(attempt).rejects.toMatchObject({ code: 'forbidden' });
    expect((await storedOf(target)).tablePreferences).toEqual(before);

    const key = await apiKeyContext('cpo_admin', null);
    await expect(updateTablePreferences({ ctx: key, userId: target, table: 'charge_stations', view: {} })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(await getTablePreferences({ ctx: key, table: 'charge_stations' })).toEqual({});
  });

  it('answers bad input with a validation error (422) naming each field, and writes nothing', async () => {
    const id = idOf(bram);
    const cases = [
      { table: 'charge_stations', view: { page_size: 30 }, path: '/view/page_size' },
      { table: 'charge_stations', view: { density: 'cosy' }, path: '/view/density' },
      { table: 'charge_stations', view: { hidden_columns: ['<script>'] }, path: '/view/hidden_columns/0' },
      { table: 'charge_stations', view: { colour: 'red' }, path: '/view/colour' },
      { table: 'Charge Stations!', view: {}, path: '/table' },
    ];
    for (const { table, view, path } of cases) {
      const error = await updateTablePreferences({ ctx: bram, userId: id, table, view }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'validation' });
      expect((error as AppError).extra.errors?.map((e) => e.path)).toContain(path);
    }
    expect((await storedOf(id)).tablePreferences).toEqual({});
  });
});
