import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { auditEvents, chargeStations, connectors, connectorTariffs, evses, tariffs } from '@/lib/db/schema';
import { tariffListQuerySchema, type TariffCreateInput } from '@/lib/schemas/tariff';
import { makeStation, makeTenant, userContext } from '@/test/fixtures';
import { createTariff, deleteTariff, getTariff, listTariffs, replaceTariff } from './index';

const query = (q: Record<string, string> = {}) => tariffListQuerySchema.parse(q);
const code = (prefix = 'T') => `${prefix}-${randomUUID().slice(0, 8).toUpperCase()}`;
const energy = [{ price_components: [{ type: 'ENERGY' as const, price: 0.35, vat: 21, step_size: 1 }] }];
const newTariff = (extra: Partial<TariffCreateInput> = {}): TariffCreateInput => ({
  id: code(),
  name: 'AC standard',
  currency: 'EUR',
  elements: energy,
  ...extra,
});
const auditOf = (entityId: string, action: string) =>
  getDb()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, entityId), eq(auditEvents.action, action)));

let own: string;
let other: string;
let cpo: AuthContext;
let customerAdmin: AuthContext;
let viewer: AuthContext;

beforeAll(async () => {
  own = (await makeTenant('Own')).id;
  other = (await makeTenant('Other')).id;
  cpo = await userContext('cpo_admin');
  customerAdmin = await userContext('customer_admin', [own]);
  viewer = await userContext('viewer', [own]);
});

describe('createTariff', () => {
  it('creates the tariff with its tenants and audits the new values', async () => {
    const input = newTariff({ tenant_ids: [own, own.toUpperCase()] });
    const created = await createTariff({ ctx: cpo, input });
    expect(created).toMatchObject({ id: input.id, name: 'AC standard', currency: 'EUR', elements: energy, tenant_ids: [own], version: 1 });
    expect(created.deleted_at).toBeUndefined();
    const [event] = await auditOf(input.id, 'tariff.created');
    expect(event).toMatchObject({ entity: 'tariff', tenantId: null, actor: `user:${(cpo.actor as { id: string }).id}` });
    expect(event!.changes.currency).toEqual({ before: null, after: 'EUR' });
    expect(event!.changes.tenant_ids).toEqual({ before: null, after: [own] });
  });

  it('answers 409 with the existing id when the code belongs to a live tariff', async () => {
    const first = await createTariff({ ctx: cpo, input: newTariff() });
    await expect(createTariff({ ctx: cpo, input: newTariff({ id: first.id, currency: 'USD' }) })).rejects.toMatchObject({
      code: 'conflict',
      extra: { existingId: first.id },
    });
    expect((await getTariff({ ctx: cpo, id: first.id })).currency).toBe('EUR');
  });

  it('revives a soft-deleted tariff with the same code: fields overwritten, deleted_at cleared, version bumped', async () => {
    const first = await createTariff({ ctx: cpo, input: newTariff({ tenant_ids: [own] }) });
    await deleteTariff({ ctx: cpo, id: first.id });
    const revived = await createTariff({
      ctx: cpo,
      input: { id: first.id, currency: 'GBP', elements: [{ price_components: [{ type: 'FLAT', price: 1, step_size: 1 }] }] },
    });
    expect(revived).toMatchObject({ id: first.id, name: null, currency: 'GBP', tenant_ids: [], version: 3, created_at: first.created_at });
    expect(revived.deleted_at).toBeUndefined();
    expect(await auditOf(first.id, 'tariff.created')).toHaveLength(2);
  });

  it('refuses callers without tariff:manage CPO-wide (403)', async () => {
    await expect(createTariff({ ctx: customerAdmin, input: newTariff() })).rejects.toMatchObject({ code: 'forbidden' });
    const manager = await userContext('account_manager', [own, other]);
    await expect(createTariff({ ctx: manager, input: newTariff() })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('answers 422 at /tenant_ids/N for unknown tenants and writes nothing', async () => {
    const input = newTariff({ tenant_ids: [own, randomUUID(), other, randomUUID()] });
    await expect(createTariff({ ctx: cpo, input })).rejects.toMatchObject({
      code: 'validation',
      extra: {
        errors: [
          { path: '/tenant_ids/1', message: 'unknown tenant' },
          { path: '/tenant_ids/3', message: 'unknown tenant' },
        ],
      },
    });
    expect(await getDb().select().from(tariffs).where(eq(tariffs.id, input.id))).toEqual([]);
  });

  it('lets one of several concurrent creates of the same code win; the others get 409', async () => {
    const id = code('RACE');
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => createTariff({ ctx: cpo, input: newTariff({ id }) })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected' && (r.reason as { code: string }).code === 'conflict')).toHaveLength(4);
  });
});

describe('getTariff and listTariffs', () => {
  let everyone: string;
  let ownAndOther: string;
  let otherOnly: string;
  beforeAll(async () => {
    everyone = (await createTariff({ ctx: cpo, input: newTariff() })).id;
    ownAndOther = (await createTariff({ ctx: cpo, input: newTariff({ tenant_ids: [own, other] }) })).id;
    otherOnly = (await createTariff({ ctx: cpo, input: newTariff({ tenant_ids: [other] }) })).id;
  });

  it('shows a tenant caller the tariffs offered to its tenant, and only its own tenant ids', async () => {
    await expect(getTariff({ ctx: viewer, id: everyone })).resolves.toMatchObject({ id: everyone, tenant_ids: [] });
    await expect(getTariff({ ctx: viewer, id: ownAndOther })).resolves.toMatchObject({ tenant_ids: [own] });
    await expect(getTariff({ ctx: viewer, id: otherOnly })).rejects.toMatchObject({ code: 'not_found' });
    await expect(getTariff({ ctx: viewer, id: 'no such code' })).rejects.toMatchObject({ code: 'not_found' });

    const ids = (await listTariffs({ ctx: viewer, query: query({ limit: '1000' }) })).data.map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining([everyone, ownAndOther]));
    expect(ids).not.toContain(otherOnly);
    expect((await listTariffs({ ctx: viewer, query: query({ tenant: other, limit: '1000' }) })).data).toEqual([]);
  });

  it('shows CPO-wide callers every tariff with all its tenants, and filters by tenant', async () => {
    await expect(getTariff({ ctx: cpo, id: ownAndOther })).resolves.toMatchObject({ tenant_ids: [own, other].sort() });
    const offeredToOther = (await listTariffs({ ctx: cpo, query: query({ tenant: other, limit: '1000' }) })).data.map((t) => t.id);
    expect(offeredToOther).toEqual(expect.arrayContaining([everyone, ownAndOther, otherOnly]));
    const offeredToOwn = (await listTariffs({ ctx: cpo, query: query({ tenant: own, limit: '1000' }) })).data.map((t) => t.id);
    expect(offeredToOwn).not.toContain(otherOnly);
  });

  it('refuses a caller without tariff:read (403)', async () => {
    const ctx: AuthContext = {
      actor: { kind: 'system' },
      cpoWide: null,
      tenants: new Map([[own, new Set(['location:read' as const])]]),
      pool: null,
    };
    await expect(listTariffs({ ctx, query: query() })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(getTariff({ ctx, id: everyone })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('pages by any sort through every row exactly once, nameless tariffs included', async () => {
    const prefix = code('PG');
    const names = ['Delta', null, 'alpha', 'Charlie', null, 'Bravo', 'Echo'];
    for (const [i, name] of names.entries()) await createTariff({ ctx: cpo, input: newTariff({ id: `${prefix}-${i}`, name }) });
    for (const sort of ['id', '-id', 'name', '-name', 'updated_at', '-created_at']) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listTariffs({ ctx: viewer, query: query({ q: prefix, limit: '2', sort, ...(cursor ? { cursor } : {}) }) });
        seen.push(...page.data.map((t) => t.id));
        cursor = page.next_cursor ?? undefined;
      } while (cursor);
      expect(seen, sort).toHaveLength(names.length);
      expect([...seen].sort(), sort).toEqual(names.map((_, i) => `${prefix}-${i}`).sort());
      if (sort === 'id') expect(seen).toEqual(names.map((_, i) => `${prefix}-${i}`));
      // Nameless tariffs sort as the empty name: first ascending, last descending, by id.
      if (sort === 'name') expect(seen.slice(0, 2)).toEqual([`${prefix}-1`, `${prefix}-4`]);
      if (sort === '-name') expect(seen.slice(-2)).toEqual([`${prefix}-4`, `${prefix}-1`]);
    }
    const first = await listTariffs({ ctx: viewer, query: query({ q: prefix, limit: '2', sort: 'id' }) });
    await expect(
      listTariffs({ ctx: viewer, query: query({ q: prefix, limit: '2', sort: 'name', cursor: first.next_cursor! }) }),
    ).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('filters on updated_at with date_from inclusive and date_to exclusive', async () => {
    const prefix = code('DATE');
    const created = await createTariff({ ctx: cpo, input: newTariff({ id: `${prefix}-1` }) });
    const ids = async (q: Record<string, string>) =>
      (await listTariffs({ ctx: cpo, query: query({ q: prefix, ...q }) })).data.map((t) => t.id);
    expect(await ids({ date_from: created.updated_at })).toEqual([created.id]);
    expect(await ids({ date_to: created.updated_at })).toEqual([]);
    expect(await ids({ date_from: '2000-01-01', date_to: '2999-01-01' })).toEqual([created.id]);
  });

  it('hides deleted tariffs unless include_deleted=true, which shows deleted_at', async () => {
    const prefix = code('DEL');
    const gone = (await createTariff({ ctx: cpo, input: newTariff({ id: `${prefix}-1` }) })).id;
    await deleteTariff({ ctx: cpo, id: gone });
    expect((await listTariffs({ ctx: cpo, query: query({ q: prefix }) })).data).toEqual([]);
    const [deleted] = (await listTariffs({ ctx: cpo, query: query({ q: prefix, include_deleted: 'true' }) })).data;
    expect(deleted).toMatchObject({ id: gone, version: 2, deleted_at: expect.stringMatching(/Z$/) });
    expect(deleted!.updated_at).toBe(deleted!.deleted_at);
  });
});

describe('replaceTariff', () => {
  it('replaces the writable fields, clears left-out ones, bumps the version and audits the changes', async () => {
    const created = await createTariff({ ctx: cpo, input: newTariff({ tenant_ids: [own] }) });
    const elements = [{ price_components: [{ type: 'TIME' as const, price: 2.5, step_size: 60 }], restrictions: { min_power: 11 } }];
    const updated = await replaceTariff({
      ctx: cpo,
      id: created.id,
      body: { id: created.id, version: 1, currency: 'EUR', elements, tenant_ids: [other] },
      expectedVersion: 1,
    });
    expect(updated).toMatchObject({ id: created.id, name: null, currency: 'EUR', elements, tenant_ids: [other], version: 2 });
    const [event] = await auditOf(created.id, 'tariff.updated');
    expect(Object.keys(event!.changes).sort()).toEqual(['elements', 'name', 'tenant_ids']);
    expect(event!.changes.name).toEqual({ before: 'AC standard', after: null });
    await expect(getTariff({ ctx: viewer, id: created.id })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('answers 412 on a stale If-Match and changes nothing', async () => {
    const created = await createTariff({ ctx: cpo, input: newTariff() });
    await expect(
      replaceTariff({ ctx: cpo, id: created.id, body: { currency: 'USD', elements: energy }, expectedVersion: 3 }),
    ).rejects.toMatchObject({ code: 'precondition_failed' });
    expect(await getTariff({ ctx: cpo, id: created.id })).toEqual(created);
  });

  it('lists every invalid path (422): a changed code, bad price components, unknown tenants', async () => {
    const created = await createTariff({ ctx: cpo, input: newTariff() });
    await expect(
      replaceTariff({ ctx: cpo, id: created.id, body: { id: 'OTHER-CODE', currency: 'EUR', elements: energy } }),
    ).rejects.toMatchObject({ code: 'validation', extra: { errors: [{ path: '/id', message: 'is read-only' }] } });
    await expect(
      replaceTariff({
        ctx: cpo,
        id: created.id,
        body: {
          currency: 'eur',
          elements: [{ price_components: [{ type: 'KWH', price: -1, step_size: 0 }], restrictions: { start_time: '25:00' } }],
          colour: 'red',
        },
      }),
    ).rejects.toMatchObject({
      extra: {
        errors: expect.arrayContaining([
          { path: '/currency', message: expect.any(String) },
          { path: '/elements/0/price_components/0/type', message: expect.any(String) },
          { path: '/elements/0/price_components/0/price', message: expect.any(String) },
          { path: '/elements/0/price_components/0/step_size', message: expect.any(String) },
          { path: '/elements/0/restrictions/start_time', message: 'must be HH:MM' },
          { path: '/colour', message: 'unknown field' },
        ]),
      },
    });
    await expect(
      replaceTariff({ ctx: cpo, id: created.id, body: { currency: 'EUR', elements: energy, tenant_ids: [randomUUID()] } }),
    ).rejects.toMatchObject({ extra: { errors: [{ path: '/tenant_ids/0', message: 'unknown tenant' }] } });
    expect((await getTariff({ ctx: cpo, id: created.id })).version).toBe(1);
  });

  it('answers 404 for a tariff not offered to the caller and 403 for one it sees but may not manage', async () => {
    const theirs = await createTariff({ ctx: cpo, input: newTariff({ tenant_ids: [other] }) });
    const mine = await createTariff({ ctx: cpo, input: newTariff({ tenant_ids: [own] }) });
    const body = { currency: 'EUR', elements: energy };
    await expect(replaceTariff({ ctx: customerAdmin, id: theirs.id, body })).rejects.toMatchObject({ code: 'not_found' });
    await expect(replaceTariff({ ctx: customerAdmin, id: mine.id, body })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('deleteTariff', () => {
  async function assignToConnector(tariffId: string) {
    const station = await makeStation(own);
    const [evse] = await getDb().insert(evses).values({ stationId: station.id, position: 1 }).returning();
    await getDb().insert(connectors).values({
      evseUid: evse!.uid,
      id: '1',
      position: 1,
      standard: 'IEC_62196_T2',
      format: 'SOCKET',
      powerType: 'AC_3_PHASE',
      maxVoltage: 400,
      maxAmperage: 32,
    });
    await getDb().insert(connectorTariffs).values({ evseUid: evse!.uid, connectorId: '1', tariffId, position: 1 });
    return station.id;
  }

  it('soft-deletes: bumps version and updated_at, audits, and GET answers 404', async () => {
    const created = await createTariff({ ctx: cpo, input: newTariff() });
    await deleteTariff({ ctx: cpo, id: created.id, expectedVersion: 1 });
    const [row] = await getDb().select().from(tariffs).where(eq(tariffs.id, created.id));
    expect(row!.version).toBe(2);
    expect(row!.deletedAt).toBeInstanceOf(Date);
    expect(row!.updatedAt.toISOString() > created.updated_at).toBe(true);
    await expect(getTariff({ ctx: cpo, id: created.id })).rejects.toMatchObject({ code: 'not_found' });
    const [event] = await auditOf(created.id, 'tariff.deleted');
    expect(event).toMatchObject({ entity: 'tariff', tenantId: null, changes: { deleted: { before: false, after: true } } });
  });

  it('refuses (409) to narrow the offer away from a tenant whose connectors use it', async () => {
    const created = await createTariff({ ctx: cpo, input: newTariff() });
    await assignToConnector(created.id);
    const body = { currency: 'EUR', elements: energy };
    await expect(replaceTariff({ ctx: cpo, id: created.id, body: { ...body, tenant_ids: [other] } })).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(replaceTariff({ ctx: cpo, id: created.id, body: { ...body, tenant_ids: [own, other] } })).resolves.toMatchObject({
      version: 2,
    });
  });

  it('answers 409 while a connector of a live station uses the tariff', async () => {
    const created = await createTariff({ ctx: cpo, input: newTariff() });
    const stationId = await assignToConnector(created.id);
    await expect(deleteTariff({ ctx: cpo, id: created.id })).rejects.toMatchObject({ code: 'conflict' });
    expect((await getTariff({ ctx: cpo, id: created.id })).version).toBe(1);
    await getDb().update(chargeStations).set({ deletedAt: new Date() }).where(eq(chargeStations.id, stationId));
    await expect(deleteTariff({ ctx: cpo, id: created.id })).resolves.toBeUndefined();
  });

  it('answers 404 outside the caller’s offer, 403 without tariff:manage, 412 on a stale If-Match', async () => {
    const theirs = await createTariff({ ctx: cpo, input: newTariff({ tenant_ids: [other] }) });
    const mine = await createTariff({ ctx: cpo, input: newTariff() });
    await expect(deleteTariff({ ctx: customerAdmin, id: theirs.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(deleteTariff({ ctx: customerAdmin, id: mine.id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(deleteTariff({ ctx: cpo, id: mine.id, expectedVersion: 2 })).rejects.toMatchObject({ code: 'precondition_failed' });
    expect((await getTariff({ ctx: cpo, id: mine.id })).version).toBe(1);
  });
});
