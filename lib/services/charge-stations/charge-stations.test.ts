import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuthContext } from '@/lib/auth/context';
import { verifyPassword } from '@/lib/auth/password';
import { getDb } from '@/lib/db/client';
import { auditEvents, chargeStations, hardwareTemplates } from '@/lib/db/schema';
import { chargeStationCreateSchema, chargeStationListQuerySchema, type ChargeStationCreateInput } from '@/lib/schemas/charge-station';
import { makeLocation, makeStation, makeTariff, makeTenant, userContext } from '@/test/fixtures';
import {
  createChargeStation,
  deleteChargeStation,
  getChargeStation,
  getConfiguration,
  getTestRun,
  linkChargeStation,
  listChargeStations,
  setAvailability,
  setTariffs,
  startTestRun,
  unlinkChargeStation,
  updateChargeStation,
  updateConfiguration,
} from './index';

let n = 0;
const ocppId = () => `CS-${Date.now().toString(36)}-${++n}`;
const connector = (id = '1', tariff_ids: string[] = []) => ({
  id,
  standard: 'IEC_62196_T2' as const,
  format: 'SOCKET' as const,
  power_type: 'AC_3_PHASE' as const,
  max_voltage: 400,
  max_amperage: 32,
  max_electric_power: 22000,
  tariff_ids,
});
const station = (extra: Partial<ChargeStationCreateInput> = {}): ChargeStationCreateInput => ({
  ocpp_id: ocppId(),
  charger_type: 'AC',
  evses: [{ evse_id: 'NL*GFX*E0001*1', connectors: [connector()] }],
  ...extra,
});
const query = (q: Record<string, string> = {}) => chargeStationListQuerySchema.parse(q);

let own: string;
let other: string;
let ownLocation: string;
let otherLocation: string;
let cpo: AuthContext;
let admin: AuthContext;
let operator: AuthContext;
let viewer: AuthContext;
let installer: AuthContext;
let sharedTariff: string;
let ownTariff: string;
let otherTariff: string;

beforeAll(async () => {
  own = (await makeTenant('Own')).id;
  other = (await makeTenant('Other')).id;
  ownLocation = (await makeLocation(own, { latitude: 52.0907, longitude: 5.1214, address: 'Stationsplein 9' })).id;
  otherLocation = (await makeLocation(other)).id;
  cpo = await userContext('cpo_admin');
  admin = await userContext('customer_admin', [own]);
  operator = await userContext('customer_operator', [own]);
  viewer = await userContext('viewer', [own]);
  installer = await userContext('installer', [own]);
  sharedTariff = await makeTariff('AC-ALL');
  ownTariff = await makeTariff('AC-OWN', [own]);
  otherTariff = await makeTariff('AC-OTHER', [other]);
});

describe('createChargeStation', () => {
  it('links to a location, takes its tenant, stores EVSEs, connectors, tariff codes and an audit event', async () => {
    const created = await createChargeStation({
      ctx: operator,
      input: station({
        location_id: ownLocation,
        custom_groups: ['Phase 1'],
        evses: [{ evse_id: 'NL*GFX*E0002*1', connectors: [connector('1', [ownTariff, sharedTariff])] }],
      }),
    });
    expect(created).toMatchObject({
      tenant_id: own,
      location_id: ownLocation,
      commissioning_status: 'LINKED',
      availability: 'OPERATIVE',
      availability_sync: 'OFFLINE',
      status: 'UNKNOWN',
      custom_groups: ['Phase 1'],
      version: 1,
    });
    expect(created.evses).toHaveLength(1);
    expect(created.evses[0]!.connectors[0]!.tariff_ids).toEqual([ownTariff, sharedTariff]);
    const [event] = await getDb().select().from(auditEvents).where(eq(auditEvents.entityId, created.id));
    expect(event).toMatchObject({ action: 'charge_station.created', tenantId: own });
  });

  it('hashes the write-only ocpp_password and never returns it', async () => {
    const created = await createChargeStation({ ctx: admin, input: station({ ocpp_password: 'a-very-long-password-1' }) });
    expect(created).not.toHaveProperty('ocpp_password');
    const [row] = await getDb().select().from(chargeStations).where(eq(chargeStations.id, created.id));
    expect(await verifyPassword(row!.ocppPasswordHash!, 'a-very-long-password-1')).toBe(true);
    expect(chargeStationCreateSchema.safeParse(station({ ocpp_password: 'short' })).success).toBe(false);
  });

  it('puts a station without tenant or location into the pool for the CPO only', async () => {
    await expect(createChargeStation({ ctx: cpo, input: station() })).resolves.toMatchObject({
      tenant_id: null,
      location_id: null,
      commissioning_status: 'NEW',
    });
    const manager = await userContext('account_manager', [own, other]);
    await expect(createChargeStation({ ctx: manager, input: station() })).rejects.toMatchObject({
      extra: { errors: [{ path: '/tenant_id' }] },
    });
    await expect(createChargeStation({ ctx: operator, input: station() })).resolves.toMatchObject({ tenant_id: own, location_id: null });
  });

  it('answers 409 with the existing id on a taken ocpp_id, also when racing', async () => {
    const first = await createChargeStation({ ctx: admin, input: station() });
    await expect(createChargeStation({ ctx: admin, input: station({ ocpp_id: first.ocpp_id }) })).rejects.toMatchObject({
      code: 'conflict',
      extra: { existingId: first.id },
    });
    const id = ocppId();
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => createChargeStation({ ctx: admin, input: station({ ocpp_id: id }) })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((x) => x.status === 'rejected'))
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'conflict' });
  });

  it('refuses tariffs not offered to the tenant (422 with paths) and tariff codes without station:tariff (403)', async () => {
    await expect(
      createChargeStation({
        ctx: admin,
        input: station({ evses: [{ connectors: [connector('1', [otherTariff]), connector('2', ['NOPE'])] }] }),
      }),
    ).rejects.toMatchObject({
      code: 'validation',
      extra: { errors: [{ path: '/evses/0/connectors/0/tariff_ids/0' }, { path: '/evses/0/connectors/1/tariff_ids/0' }] },
    });
    const writerWithoutTariff = await userContext('installer', [own]);
    await expect(createChargeStation({ ctx: writerWithoutTariff, input: station() })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(createChargeStation({ ctx: viewer, input: station() })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('validates EVSE ids, duplicate connector ids and unknown fields with every path', async () => {
    await expect(
      createChargeStation({
        ctx: admin,
        input: station({
          evses: [{ evse_id: 'not an evse id', connectors: [connector('1'), connector('1')] }],
        }) as ChargeStationCreateInput,
      }),
    ).rejects.toMatchObject({
      extra: {
        errors: expect.arrayContaining([
          expect.objectContaining({ path: '/evses/0/evse_id' }),
          expect.objectContaining({ path: '/evses/0/connectors/1/id' }),
        ]),
      },
    });
  });

  it('copies a hardware template; the body wins and later template edits do not reach the station', async () => {
    const [template] = await getDb()
      .insert(hardwareTemplates)
      .values({
        name: 'Eve',
        vendor: 'Alfen',
        model: 'Eve Single',
        chargerType: 'AC',
        maxPowerKw: 11,
        evses: [{ connectors: [connector('A')] }],
      })
      .returning();
    const created = await createChargeStation({
      ctx: admin,
      input: { ocpp_id: ocppId(), template_id: template!.id, model: 'Eve Single Pro' },
    });
    expect(created).toMatchObject({
      vendor: 'Alfen',
      model: 'Eve Single Pro',
      charger_type: 'AC',
      max_power_kw: 11,
      template_id: template!.id,
    });
    expect(created.evses[0]!.connectors[0]!.id).toBe('A');
    await getDb().update(hardwareTemplates).set({ vendor: 'Changed' }).where(eq(hardwareTemplates.id, template!.id));
    expect((await getChargeStation({ ctx: admin, id: created.id })).vendor).toBe('Alfen');
  });
});

describe('updateChargeStation', () => {
  it('matches EVSEs by uid: keeps sent ones, adds new ones, removes left-out ones', async () => {
    const created = await createChargeStation({
      ctx: admin,
      input: station({
        evses: [
          { evse_id: 'NL*GFX*E1*1', connectors: [connector()] },
          { evse_id: 'NL*GFX*E1*2', connectors: [connector()] },
        ],
      }),
    });
    const [first] = created.evses;
    const updated = await updateChargeStation({
      ctx: admin,
      id: created.id,
      mode: 'merge',
      body: {
        evses: [
          { ...first, floor_level: '-1' },
          { evse_id: 'NL*GFX*E1*3', connectors: [connector('9')] },
        ],
      },
      expectedVersion: 1,
    });
    expect(updated.evses.map((e) => e.evse_id)).toEqual(['NL*GFX*E1*1', 'NL*GFX*E1*3']);
    expect(updated.evses[0]).toMatchObject({ uid: first!.uid, floor_level: '-1' });
    expect(updated.version).toBe(2);
  });

  it('rejects changes of read-only fields, foreign EVSE uids and stale versions, changing nothing', async () => {
    const created = await createChargeStation({ ctx: admin, input: station() });
    await expect(
      updateChargeStation({ ctx: admin, id: created.id, mode: 'merge', body: { ocpp_id: 'X', status: 'CHARGING' } }),
    ).rejects.toMatchObject({
      extra: {
        errors: [
          { path: '/ocpp_id', message: 'is read-only' },
          { path: '/status', message: 'is read-only' },
        ],
      },
    });
    await expect(
      updateChargeStation({
        ctx: admin,
        id: created.id,
        mode: 'merge',
        body: { evses: [{ uid: crypto.randomUUID(), connectors: [connector()] }] },
      }),
    ).rejects.toMatchObject({ extra: { errors: [{ path: '/evses/0/uid' }] } });
    await expect(
      updateChargeStation({ ctx: admin, id: created.id, mode: 'merge', body: { name: 'X' }, expectedVersion: 9 }),
    ).rejects.toMatchObject({
      code: 'precondition_failed',
    });
    expect((await getChargeStation({ ctx: admin, id: created.id })).version).toBe(1);
  });

  it('PUT clears optional fields left out', async () => {
    const created = await createChargeStation({ ctx: admin, input: station({ name: 'Named', remarks: 'Note' }) });
    const replaced = await updateChargeStation({ ctx: admin, id: created.id, mode: 'replace', body: { charger_type: 'DC' } });
    expect(replaced).toMatchObject({ name: null, remarks: null, charger_type: 'DC', evses: [] });
  });

  it('lets station:maintenance alone write maintenance_windows only', async () => {
    const created = await createChargeStation({ ctx: admin, input: station() });
    const window = { starts_at: '2027-01-10T08:00:00.000Z', ends_at: '2027-01-10T12:00:00.000Z', reason: 'Service' };
    await expect(
      updateChargeStation({ ctx: installer, id: created.id, mode: 'merge', body: { maintenance_windows: [window] } }),
    ).resolves.toMatchObject({
      maintenance_windows: [window],
    });
    await expect(updateChargeStation({ ctx: installer, id: created.id, mode: 'merge', body: { name: 'No' } })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      updateChargeStation({
        ctx: admin,
        id: created.id,
        mode: 'merge',
        body: { maintenance_windows: [{ ...window, ends_at: '2027-01-09T00:00:00Z' }] },
      }),
    ).rejects.toMatchObject({ extra: { errors: [{ path: '/maintenance_windows/0/ends_at' }] } });
  });

  it('hides other tenants (404) and refuses viewers (403)', async () => {
    const theirs = await makeStation(other, otherLocation);
    await expect(updateChargeStation({ ctx: admin, id: theirs.id, mode: 'merge', body: { name: 'Mine' } })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(getChargeStation({ ctx: admin, id: theirs.id })).rejects.toMatchObject({ code: 'not_found' });
    const mine = await makeStation(own, ownLocation);
    await expect(updateChargeStation({ ctx: viewer, id: mine.id, mode: 'merge', body: { name: 'X' } })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});

describe('link, unlink, availability, tariffs, configuration, tests, delete', () => {
  it('an installer finds a pool station, links it into its tenant, and may not link it elsewhere', async () => {
    const pooled = await makeStation(null);
    const found = await listChargeStations({ ctx: installer, query: query({ unlinked: 'true', q: pooled.ocppId }) });
    expect(found.data.map((s) => s.id)).toEqual([pooled.id]);
    await expect(linkChargeStation({ ctx: installer, id: pooled.id, locationId: otherLocation })).rejects.toMatchObject({
      extra: { errors: [{ path: '/location_id' }] },
    });
    const linked = await linkChargeStation({ ctx: installer, id: pooled.id, locationId: ownLocation });
    expect(linked).toMatchObject({ tenant_id: own, location_id: ownLocation, commissioning_status: 'LINKED', version: 2 });
    const unlinked = await unlinkChargeStation({ ctx: installer, id: pooled.id });
    expect(unlinked).toMatchObject({ tenant_id: own, location_id: null });
    await expect(linkChargeStation({ ctx: operator, id: pooled.id, locationId: ownLocation })).rejects.toMatchObject({ code: 'forbidden' });
    const viewerSees = await listChargeStations({ ctx: viewer, query: query({ unlinked: 'true', limit: '1000' }) });
    expect(viewerSees.data.every((s) => s.tenant_id === own)).toBe(true);
  });

  it('stores desired availability (station or EVSEs) with sync OFFLINE while not connected', async () => {
    const created = await createChargeStation({
      ctx: admin,
      input: station({ evses: [{ connectors: [connector()] }, { connectors: [connector()] }] }),
    });
    const whole = await setAvailability({ ctx: operator, id: created.id, input: { availability: 'INOPERATIVE' } });
    expect(whole).toMatchObject({ availability: 'INOPERATIVE', availability_sync: 'OFFLINE' });
    expect(whole.evses.map((e) => e.availability)).toEqual(['INOPERATIVE', 'INOPERATIVE']);
    const one = await setAvailability({
      ctx: operator,
      id: created.id,
      input: { availability: 'OPERATIVE', evse_uids: [created.evses[1]!.uid] },
    });
    expect(one.evses.map((e) => e.availability)).toEqual(['INOPERATIVE', 'OPERATIVE']);
    await expect(setAvailability({ ctx: installer, id: created.id, input: { availability: 'OPERATIVE' } })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('sets tariff codes on all or some connectors, only from tariffs offered to the tenant', async () => {
    const created = await createChargeStation({
      ctx: admin,
      input: station({ evses: [{ connectors: [connector('1'), connector('2')] }, { connectors: [connector('1')] }] }),
    });
    const all = await setTariffs({ ctx: operator, id: created.id, input: { tariff_ids: [ownTariff] } });
    expect(all.evses.flatMap((e) => e.connectors.map((c) => c.tariff_ids))).toEqual([[ownTariff], [ownTariff], [ownTariff]]);
    const some = await setTariffs({
      ctx: operator,
      id: created.id,
      input: { tariff_ids: [sharedTariff], connectors: [{ evse_uid: created.evses[0]!.uid, connector_id: '2' }] },
    });
    expect(some.evses.flatMap((e) => e.connectors.map((c) => c.tariff_ids))).toEqual([[ownTariff], [sharedTariff], [ownTariff]]);
    await expect(setTariffs({ ctx: operator, id: created.id, input: { tariff_ids: [otherTariff] } })).rejects.toMatchObject({
      extra: { errors: [{ path: '/tariff_ids/0' }] },
    });
    const [event] = await getDb().select().from(auditEvents).where(eq(auditEvents.action, 'charge_station.tariffs_set')).limit(1);
    expect(event).toBeTruthy();
  });

  it('merge-patches the configuration map', async () => {
    const created = await createChargeStation({
      ctx: admin,
      input: station({ configuration: { HeartbeatInterval: '300', MeterValueSampleInterval: '60' } }),
    });
    const updated = await updateConfiguration({
      ctx: admin,
      id: created.id,
      patch: { HeartbeatInterval: '600', MeterValueSampleInterval: null },
    });
    expect(updated).toMatchObject({ configuration: { HeartbeatInterval: '600' }, version: 2 });
    expect(await getConfiguration({ ctx: viewer, id: created.id })).toEqual(updated);
    await expect(updateConfiguration({ ctx: admin, id: created.id, patch: { HeartbeatInterval: 5 } })).rejects.toMatchObject({
      code: 'validation',
    });
  });

  it('records a RUNNING commissioning run with every step PENDING, for the gateway to run', async () => {
    const created = await createChargeStation({ ctx: admin, input: station({ location_id: ownLocation }) });
    const run = await startTestRun({ ctx: installer, id: created.id });
    expect(run.status).toBe('RUNNING');
    expect(run.steps[0]).toEqual({ name: 'connected', status: 'PENDING', detail: null, started_at: null, finished_at: null });
    expect(await getTestRun({ ctx: viewer, id: created.id, runId: run.id })).toEqual(run);
    await expect(startTestRun({ ctx: operator, id: created.id })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('soft-deletes: 404 afterwards, listed with include_deleted, ocpp_id free again', async () => {
    const created = await createChargeStation({ ctx: admin, input: station() });
    await expect(deleteChargeStation({ ctx: operator, id: created.id })).rejects.toMatchObject({ code: 'forbidden' });
    await deleteChargeStation({ ctx: admin, id: created.id, expectedVersion: 1 });
    await expect(getChargeStation({ ctx: admin, id: created.id })).rejects.toMatchObject({ code: 'not_found' });
    const listed = await listChargeStations({ ctx: admin, query: query({ include_deleted: 'true', q: created.ocpp_id }) });
    expect(listed.data[0]).toMatchObject({ id: created.id, deleted_at: expect.any(String) });
    await expect(createChargeStation({ ctx: admin, input: station({ ocpp_id: created.ocpp_id }) })).resolves.toMatchObject({
      ocpp_id: created.ocpp_id,
    });
  });
});

describe('listChargeStations', () => {
  it('filters by location, near (through the location), custom group, charger type and sorts by ocpp_id', async () => {
    const tenant = (await makeTenant('List')).id;
    const ctx = await userContext('customer_admin', [tenant]);
    const here = (await makeLocation(tenant, { latitude: 51.0, longitude: 4.0 })).id;
    const a = await createChargeStation({ ctx, input: station({ ocpp_id: `B-${ocppId()}`, location_id: here, custom_groups: ['North'] }) });
    const b = await createChargeStation({ ctx, input: station({ ocpp_id: `A-${ocppId()}`, location_id: here, charger_type: 'DC' }) });
    const c = await createChargeStation({ ctx, input: station({ ocpp_id: `C-${ocppId()}` }) });
    const ids = async (q: Record<string, string>) => (await listChargeStations({ ctx, query: query(q) })).data.map((s) => s.id);
    expect(await ids({ sort: 'ocpp_id' })).toEqual([b.id, a.id, c.id]);
    expect(await ids({ location_id: here, sort: '-ocpp_id' })).toEqual([a.id, b.id]);
    expect(await ids({ near: '51.0005,4.0005', radius: '200', sort: 'ocpp_id' })).toEqual([b.id, a.id]);
    expect(await ids({ custom_group: 'North' })).toEqual([a.id]);
    expect(await ids({ charger_type: 'DC' })).toEqual([b.id]);
    expect(await ids({ unlinked: 'true' })).toEqual([c.id]);
  });
});

describe('what stations report survives edits', () => {
  it('keeps a connector’s reported status when the station is edited', async () => {
    const { connectors } = await import('@/lib/db/schema');
    const created = await createChargeStation({
      ctx: admin,
      input: station({ evses: [{ connectors: [connector('1'), connector('2')] }] }),
    });
    await getDb().update(connectors).set({ reportedStatus: 'Faulted' }).where(eq(connectors.evseUid, created.evses[0]!.uid));
    await updateChargeStation({ ctx: admin, id: created.id, mode: 'merge', body: { name: 'Renamed' } });
    const evse = (await getChargeStation({ ctx: admin, id: created.id })).evses[0]!;
    await updateChargeStation({
      ctx: admin,
      id: created.id,
      mode: 'merge',
      body: { evses: [{ ...evse, connectors: [evse.connectors[0]!] }] },
    });
    const rows = await getDb().select().from(connectors).where(eq(connectors.evseUid, created.evses[0]!.uid));
    expect(rows.map((r) => [r.id, r.reportedStatus])).toEqual([['1', 'Faulted']]);
  });

  it('a repeated connector in PUT /tariffs is applied once; If-Match guards the action endpoints', async () => {
    const created = await createChargeStation({ ctx: admin, input: station() });
    const target = { evse_uid: created.evses[0]!.uid, connector_id: '1' };
    const set = await setTariffs({ ctx: admin, id: created.id, input: { tariff_ids: [sharedTariff], connectors: [target, target] } });
    expect(set.evses[0]!.connectors[0]!.tariff_ids).toEqual([sharedTariff]);
    await expect(
      setAvailability({ ctx: admin, id: created.id, input: { availability: 'INOPERATIVE' }, expectedVersion: 1 }),
    ).rejects.toMatchObject({
      code: 'precondition_failed',
    });
    await expect(linkChargeStation({ ctx: admin, id: created.id, locationId: ownLocation, expectedVersion: 2 })).resolves.toMatchObject({
      version: 3,
    });
    await expect(unlinkChargeStation({ ctx: admin, id: created.id, expectedVersion: 2 })).rejects.toMatchObject({
      code: 'precondition_failed',
    });
  });
});
