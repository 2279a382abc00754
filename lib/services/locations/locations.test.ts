import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { auditEvents, evses, locations } from '@/lib/db/schema';
import { locationListQuerySchema } from '@/lib/schemas/location';
import { makeLocation, makeStation, makeTenant, userContext } from '@/test/fixtures';
import { countStatements, writesTo } from '@/test/statements';
import { createLocation, getLocation, listLocations, updateLocation } from './index';

const query = (q: Record<string, string> = {}) => locationListQuerySchema.parse(q);
const newLocation = (extra: Record<string, unknown> = {}) => ({
  name: 'Parkzicht garage',
  address: 'Parklaan 12',
  city: 'Utrecht',
  country: 'NLD',
  coordinates: { latitude: 52.0907, longitude: 5.1214 },
  ...extra,
});

let own: string;
let other: string;
let admin: AuthContext;
let operator: AuthContext;
let viewer: AuthContext;
let installer: AuthContext;

beforeAll(async () => {
  own = (await makeTenant('Own')).id;
  other = (await makeTenant('Other')).id;
  admin = await userContext('customer_admin', [own]);
  operator = await userContext('customer_operator', [own]);
  viewer = await userContext('viewer', [own]);
  installer = await userContext('installer', [own]);
});

describe('createLocation', () => {
  it('creates in the caller’s only tenant and writes the audit event with the new values', async () => {
    const created = await createLocation({ ctx: operator, input: newLocation({ external_id: 'SF-1', custom_groups: ['Phase 1'] }) });
    expect(created).toMatchObject({ tenant_id: own, name: 'Parkzicht garage', custom_groups: ['Phase 1'], version: 1, stations_count: 0 });
    const [event] = await getDb().select().from(auditEvents).where(eq(auditEvents.entityId, created.id));
    expect(event).toMatchObject({
      action: 'location.created',
      entity: 'location',
      tenantId: own,
      actor: `user:${(operator.actor as { id: string }).id}`,
    });
    expect(event!.changes.name).toEqual({ before: null, after: 'Parkzicht garage' });
  });

  it('answers 409 with the existing id when external_id is taken in the tenant', async () => {
    const first = await createLocation({ ctx: admin, input: newLocation({ external_id: 'SF-DUP' }) });
    await expect(createLocation({ ctx: admin, input: newLocation({ external_id: 'SF-DUP' }) })).rejects.toMatchObject({
      code: 'conflict',
      extra: { existingId: first.id },
    });
  });

  it('answers 409 (never 500) to concurrent creates racing for one external_id', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => createLocation({ ctx: admin, input: newLocation({ external_id: 'SF-RACE' }) })),
    );
    const created = results.filter((r) => r.status === 'fulfilled');
    expect(created).toHaveLength(1);
    const winner = (created[0] as PromiseFulfilledResult<{ id: string }>).value.id;
    for (const r of results.filter((x) => x.status === 'rejected')) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'conflict', extra: { existingId: winner } });
    }
  });

  it('refuses a viewer (403) and a tenant outside scope (422 at /tenant_id)', async () => {
    await expect(createLocation({ ctx: viewer, input: newLocation() })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(createLocation({ ctx: admin, input: newLocation({ tenant_id: other }) })).rejects.toMatchObject({
      code: 'validation',
      extra: { errors: [{ path: '/tenant_id' }] },
    });
  });

  it('needs tenant_id from a caller with several tenants', async () => {
    const manager = await userContext('account_manager', [own, other]);
    await expect(createLocation({ ctx: manager, input: newLocation() })).rejects.toMatchObject({
      extra: { errors: [{ path: '/tenant_id' }] },
    });
    await expect(createLocation({ ctx: manager, input: newLocation({ tenant_id: other }) })).resolves.toMatchObject({ tenant_id: other });
  });
});

describe('getLocation and listLocations', () => {
  it('never shows another tenant’s location: 404 on get, absent from lists and tenant filters', async () => {
    const mine = await makeLocation(own);
    const theirs = await makeLocation(other);
    await expect(getLocation({ ctx: viewer, id: mine.id })).resolves.toMatchObject({ id: mine.id });
    await expect(getLocation({ ctx: viewer, id: theirs.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(getLocation({ ctx: viewer, id: 'not-a-uuid' })).rejects.toMatchObject({ code: 'not_found' });

    const ids = (await listLocations({ ctx: viewer, query: query({ limit: '1000' }) })).data.map((l) => l.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    expect((await listLocations({ ctx: viewer, query: query({ tenant: other }) })).data).toEqual([]);
  });

  it('derives custom_groups, stations_count and evses_count from live rows', async () => {
    const location = await createLocation({ ctx: admin, input: newLocation({ custom_groups: ['Zuid', 'Noord', 'Zuid'] }) });
    const station = await makeStation(own, location.id);
    await makeStation(own, location.id);
    await getDb()
      .insert(evses)
      .values([1, 2, 3].map((position) => ({ stationId: station.id, position })));
    await expect(getLocation({ ctx: viewer, id: location.id })).resolves.toMatchObject({
      custom_groups: ['Noord', 'Zuid'],
      stations_count: 2,
      evses_count: 3,
    });
  });

  it('pages with a cursor through every row exactly once, in updated_at, id order', async () => {
    const tenant = (await makeTenant('Paging')).id;
    const ctx = await userContext('viewer', [tenant]);
    const made = [];
    for (let i = 0; i < 7; i++) made.push((await makeLocation(tenant, { name: `P${i}` })).id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listLocations({ ctx, query: query({ limit: '3', ...(cursor ? { cursor } : {}) }) });
      seen.push(...page.data.map((l) => l.id));
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    expect(seen.sort()).toEqual([...made].sort());
  });

  it('sorts by name descending and filters by custom group, q and distance', async () => {
    const tenant = (await makeTenant('Filters')).id;
    const ctx = await userContext('customer_admin', [tenant]);
    await createLocation({ ctx, input: newLocation({ name: 'Alpha', custom_groups: ['North'] }) });
    await createLocation({ ctx, input: newLocation({ name: 'Bravo', address: 'Stationsplein 1' }) });
    await createLocation({ ctx, input: newLocation({ name: 'Far away', coordinates: { latitude: 51.2194, longitude: 4.4025 } }) });
    const names = async (q: Record<string, string>) => (await listLocations({ ctx, query: query(q) })).data.map((l) => l.name);
    expect(await names({ sort: '-name' })).toEqual(['Far away', 'Bravo', 'Alpha']);
    expect(await names({ custom_group: 'North' })).toEqual(['Alpha']);
    expect(await names({ q: 'stationsplein' })).toEqual(['Bravo']);
    expect(await names({ near: '52.0907,5.1214', radius: '500', sort: 'name' })).toEqual(['Alpha', 'Bravo']);
  });

  it('rejects a cursor issued for other filters or another caller (400)', async () => {
    const tenant = (await makeTenant('Cursor')).id;
    const ctx = await userContext('viewer', [tenant]);
    for (let i = 0; i < 3; i++) await makeLocation(tenant);
    const page = await listLocations({ ctx, query: query({ limit: '1' }) });
    expect(page.next_cursor).toBeTruthy();
    const cursor = page.next_cursor!;
    await expect(listLocations({ ctx, query: query({ limit: '1', cursor, q: 'x' }) })).rejects.toMatchObject({ code: 'bad_request' });
    const someoneElse = await userContext('viewer', [tenant]);
    await expect(listLocations({ ctx: someoneElse, query: query({ limit: '1', cursor }) })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(listLocations({ ctx, query: query({ limit: '1', cursor: `${cursor}x` }) })).rejects.toMatchObject({ code: 'bad_request' });
  });
});

describe('updateLocation', () => {
  it('merge-patches, bumps the version and audits before/after of the changed fields only', async () => {
    const created = await createLocation({ ctx: operator, input: newLocation({ maintenance: { contractor: 'ChargeCare BV' } }) });
    const updated = await updateLocation({
      ctx: operator,
      id: created.id,
      mode: 'merge',
      body: { remarks: 'Gate code 1234', maintenance: { next_service_date: '2027-03-01' } },
      expectedVersion: 1,
    });
    expect(updated).toMatchObject({
      version: 2,
      remarks: 'Gate code 1234',
      maintenance: { contractor: 'ChargeCare BV', next_service_date: '2027-03-01' },
    });
    const [event] = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, created.id), eq(auditEvents.action, 'location.updated')));
    expect(Object.keys(event!.changes).sort()).toEqual(['maintenance', 'remarks']);
    expect(event!.changes.remarks).toEqual({ before: null, after: 'Gate code 1234' });
  });

  it('writes only the group links that change; stations_count stays right without a reload', async () => {
    const created = await createLocation({ ctx: admin, input: newLocation({ custom_groups: ['A', 'B'] }) });
    await makeStation(own, created.id);
    const added = await countStatements(() =>
      updateLocation({ ctx: admin, id: created.id, mode: 'merge', body: { custom_groups: ['B', 'A', 'C'] } }),
    );
    expect(added.result).toMatchObject({ custom_groups: ['A', 'B', 'C'], stations_count: 1 });
    expect(writesTo(added.statements, ['location_custom_groups']).map((s) => s.split(' (')[0])).toEqual([
      'insert into "location_custom_groups"',
    ]);
    const renamed = await countStatements(() => updateLocation({ ctx: admin, id: created.id, mode: 'merge', body: { remarks: 'Gate 2' } }));
    expect(renamed.result).toMatchObject({ custom_groups: ['A', 'B', 'C'], stations_count: 1, remarks: 'Gate 2' });
    expect(writesTo(renamed.statements, ['location_custom_groups', 'custom_groups'])).toEqual([]);
    expect(await getLocation({ ctx: admin, id: created.id })).toEqual(renamed.result);
  });

  it('answers 412 on a stale If-Match and changes nothing', async () => {
    const created = await createLocation({ ctx: operator, input: newLocation() });
    await expect(
      updateLocation({ ctx: operator, id: created.id, mode: 'merge', body: { name: 'X' }, expectedVersion: 7 }),
    ).rejects.toMatchObject({
      code: 'precondition_failed',
    });
    const [row] = await getDb().select().from(locations).where(eq(locations.id, created.id));
    expect(row).toMatchObject({ name: 'Parkzicht garage', version: 1 });
  });

  it('lists every invalid path (422) and leaves the row untouched', async () => {
    const created = await createLocation({ ctx: operator, input: newLocation() });
    await expect(
      updateLocation({ ctx: operator, id: created.id, mode: 'merge', body: { name: null, coordinates: { latitude: 123 }, colour: 'red' } }),
    ).rejects.toMatchObject({
      code: 'validation',
      extra: {
        errors: expect.arrayContaining([
          { path: '/name', message: expect.any(String) },
          { path: '/coordinates/latitude', message: expect.any(String) },
          { path: '/colour', message: 'unknown field' },
        ]),
      },
    });
    await expect(
      updateLocation({ ctx: operator, id: created.id, mode: 'merge', body: JSON.parse('{"__proto__": {"remarks": "smuggled"}}') }),
    ).rejects.toMatchObject({ extra: { errors: [{ path: '/__proto__', message: 'unknown field' }] } });
    await expect(updateLocation({ ctx: operator, id: created.id, mode: 'merge', body: { version: 5 } })).rejects.toMatchObject({
      extra: { errors: [{ path: '/version', message: 'is read-only' }] },
    });
    expect((await getLocation({ ctx: operator, id: created.id })).version).toBe(1);
  });

  it('lets an installer write maintenance only (403 otherwise) and hides other tenants (404)', async () => {
    const created = await createLocation({ ctx: admin, input: newLocation() });
    await expect(
      updateLocation({ ctx: installer, id: created.id, mode: 'merge', body: { maintenance: { notes: 'Replaced RCD' } } }),
    ).resolves.toMatchObject({ maintenance: { notes: 'Replaced RCD' } });
    await expect(updateLocation({ ctx: installer, id: created.id, mode: 'merge', body: {} })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(updateLocation({ ctx: installer, id: created.id, mode: 'merge', body: { name: 'Renamed' } })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(updateLocation({ ctx: viewer, id: created.id, mode: 'merge', body: { name: 'Renamed' } })).rejects.toMatchObject({
      code: 'forbidden',
    });
    const theirs = await makeLocation(other);
    await expect(updateLocation({ ctx: admin, id: theirs.id, mode: 'merge', body: { name: 'Mine now' } })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('serialises concurrent writes with the same If-Match: one wins, the rest get 412', async () => {
    const created = await createLocation({ ctx: operator, input: newLocation() });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        updateLocation({ ctx: operator, id: created.id, mode: 'merge', body: { remarks: `writer ${i}` }, expectedVersion: 1 }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected' && (r.reason as { code: string }).code === 'precondition_failed')).toHaveLength(9);
    expect((await getLocation({ ctx: operator, id: created.id })).version).toBe(2);
  });
});
