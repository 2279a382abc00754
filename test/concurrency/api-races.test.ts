import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { setStationTariffs } from '@/app/(portal)/charge-stations/[id]/actions';
import { bulkUpdateStations } from '@/app/(portal)/charge-stations/(list)/actions';
import { systemContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { auditEvents, chargeStations, locations } from '@/lib/db/schema';
import { getChargeStation } from '@/lib/services/charge-stations';
import { endpoint } from '@/test/isolation/api-call';
import { makeApiKey, makeLocation, makeStation, makeTariff, makeTenant, makeUser } from '@/test/fixtures';
import { runAction, succeeded } from '@/test/portal/run-action';
import { createChargeStation } from '@/lib/services/charge-stations';

vi.mock('next/headers', () => import('@/test/portal/next-request').then((m) => m.nextHeadersModule));
vi.mock('next/cache', () => import('@/test/portal/next-request').then((m) => m.nextCacheModule));

type Answer = { status: number; body: string; replayed: boolean };

/** One API request, with the headers a client sends. */
async function send(
  method: string,
  path: string,
  {
    key,
    params = {},
    body,
    headers = {},
  }: { key: string; params?: Record<string, string>; body?: unknown; headers?: Record<string, string> },
): Promise<Answer> {
  const e = endpoint(method, path);
  let url = path;
  for (const [name, value] of Object.entries(params)) url = url.replace(`{${name}}`, value);
  const request = new NextRequest(new URL(url, 'http://localhost'), {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body === undefined
        ? {}
        : { 'content-type': e.definition.body?.mergePatch ? 'application/merge-patch+json' : 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const response = await e(request, { params: Promise.resolve(params) });
  return { status: response.status, body: await response.text(), replayed: response.headers.get('idempotent-replayed') === 'true' };
}

const statuses = (answers: Answer[]) => answers.map((a) => a.status).sort();
const count = (answers: Answer[], status: number) => answers.filter((a) => a.status === status).length;

let tenant: string;
let otherTenant: string;
let key: string;
let cpoKey: string;
let userId: string;

beforeAll(async () => {
  tenant = (await makeTenant('Races')).id;
  otherTenant = (await makeTenant('Races other')).id;
  key = (await makeApiKey('customer_admin', tenant)).secret;
  cpoKey = (await makeApiKey('cpo_admin', null)).secret;
  userId = (await makeUser('customer_admin', [tenant])).id;
});

describe('50 concurrent PATCHes with one If-Match', () => {
  it('exactly one 200 and 49 × 412; the version goes up by one and one audit event is written', async () => {
    const location = await makeLocation(tenant);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        send('PATCH', '/api/v2/locations/{id}', {
          key,
          params: { id: location.id },
          body: { remarks: `writer ${i}` },
          headers: { 'if-match': `"${location.version}"` },
        }),
      ),
    );
    expect(count(answers, 200)).toBe(1);
    expect(count(answers, 412)).toBe(49);
    const winner = JSON.parse(answers.find((a) => a.status === 200)!.body) as { remarks: string; version: number };
    const [row] = await getDb().select().from(locations).where(eq(locations.id, location.id));
    expect(row!.version).toBe(location.version + 1);
    expect(row!.remarks).toBe(winner.remarks);
    const events = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, location.id), eq(auditEvents.action, 'location.updated')));
    expect(events).toHaveLength(1);
    expect(events[0]!.changes).toMatchObject({ remarks: { after: winner.remarks } });
  });
});

describe('one station linked to two locations at once', () => {
  it('with one If-Match (the contract for a lost race): one 200, the other 412; the station is in the winner’s location and tenant', async () => {
    const station = await makeStation(null);
    const targets = [await makeLocation(tenant), await makeLocation(otherTenant)];
    const answers = await Promise.all(
      targets.map((location) =>
        send('POST', '/api/v2/charge-stations/{id}/link', {
          key: cpoKey,
          params: { id: station.id },
          body: { location_id: location.id },
          headers: { 'if-match': `"${station.version}"` },
        }),
      ),
    );
    expect(statuses(answers)).toEqual([200, 412]);
    const winner = targets[answers.findIndex((a) => a.status === 200)]!;
    const [row] = await getDb().select().from(chargeStations).where(eq(chargeStations.id, station.id));
    expect({ location: row!.locationId, tenant: row!.tenantId, version: row!.version }).toEqual({
      location: winner.id,
      tenant: winner.tenantId,
      version: station.version + 1,
    });
    const linked = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, station.id), eq(auditEvents.action, 'charge_station.linked')));
    // One link's events: the pool's side and the winner's tenant's side; nothing names the loser's tenant.
    expect(linked.map((e) => e.tenantId).sort()).toEqual([winner.tenantId, null].sort());
  });

  it('without If-Match (a re-link is allowed): both apply one after the other, never a station in one tenant at the other’s location', async () => {
    const station = await makeStation(null);
    const targets = [await makeLocation(tenant), await makeLocation(otherTenant)];
    const answers = await Promise.all(
      targets.map((location) =>
        send('POST', '/api/v2/charge-stations/{id}/link', { key: cpoKey, params: { id: station.id }, body: { location_id: location.id } }),
      ),
    );
    expect(statuses(answers)).toEqual([200, 200]);
    const versions = answers.map((a) => (JSON.parse(a.body) as { version: number }).version).sort();
    expect(versions).toEqual([station.version + 1, station.version + 2]);
    const last = JSON.parse(answers.find((a) => JSON.parse(a.body).version === station.version + 2)!.body) as {
      location_id: string;
      tenant_id: string;
    };
    const [row] = await getDb().select().from(chargeStations).where(eq(chargeStations.id, station.id));
    const location = targets.find((t) => t.id === row!.locationId)!;
    expect({ location: row!.locationId, tenant: row!.tenantId }).toEqual({ location: last.location_id, tenant: location.tenantId });
    expect(last.tenant_id).toBe(location.tenantId);
  });
});

describe('20 parallel POSTs with one Idempotency-Key and body', () => {
  it('create exactly one object; every answer is the original 201 or a 409', async () => {
    const idempotencyKey = randomUUID();
    const name = `Idempotent ${idempotencyKey}`;
    const body = {
      tenant_id: tenant,
      name,
      address: 'Parklaan 12',
      city: 'Utrecht',
      country: 'NLD',
      coordinates: { latitude: 52, longitude: 5 },
    };
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => send('POST', '/api/v2/locations', { key, body, headers: { 'idempotency-key': idempotencyKey } })),
    );
    const rows = await getDb().select().from(locations).where(eq(locations.name, name));
    expect(rows).toHaveLength(1);
    const created = answers.filter((a) => a.status === 201);
    expect(created.length + count(answers, 409)).toBe(20);
    expect(created.length).toBeGreaterThanOrEqual(1);
    // Byte for byte: a replay once came back with its keys in jsonb's order instead of the original's.
    expect(new Set(created.map((a) => a.body)).size).toBe(1);
    expect(JSON.parse(created[0]!.body)).toMatchObject({ id: rows[0]!.id });
    expect(created.filter((a) => !a.replayed)).toHaveLength(1);
    const again = await send('POST', '/api/v2/locations', { key, body, headers: { 'idempotency-key': idempotencyKey } });
    expect({ status: again.status, body: again.body, replayed: again.replayed }).toEqual({
      status: 201,
      body: created[0]!.body,
      replayed: true,
    });
  });
});

describe('portal and API tariff changes on one station', () => {
  it('never interleave: every connector ends with the tariff codes of one request, as a whole', async () => {
    const [a, b, c] = [await makeTariff('RACE-A'), await makeTariff('RACE-B'), await makeTariff('RACE-C')];
    const connector = (id: string) => ({
      id,
      standard: 'IEC_62196_T2' as const,
      format: 'SOCKET' as const,
      power_type: 'AC_3_PHASE' as const,
      max_voltage: 400,
      max_amperage: 32,
    });
    const station = await createChargeStation({
      ctx: systemContext(),
      input: {
        ocpp_id: `RACE-${randomUUID().slice(0, 8)}`,
        charger_type: 'AC',
        tenant_id: tenant,
        evses: [{ connectors: [connector('1'), connector('2')] }, { connectors: [connector('1'), connector('2')] }],
      },
    });
    const read = () => getChargeStation({ ctx: systemContext(), id: station.id });
    const outcomes = { api: 0, portal: 0, bulk: 0 };
    for (let round = 0; round < 10; round++) {
      const { version } = await read();
      const [api, portal, bulk] = await Promise.all([
        send('PUT', '/api/v2/charge-stations/{id}/tariffs', { key, params: { id: station.id }, body: { tariff_ids: [a] } }),
        runAction(setStationTariffs, userId, { id: station.id, version: String(version), tariff_ids: [b, c] }),
        runAction(bulkUpdateStations, userId, { ids: [station.id], operation: 'tariff', tariff_id: c }),
      ]);
      expect(api.status).toBe(200);
      if (succeeded(portal)) outcomes.portal++;
      else expect(portal).toMatchObject({ state: { code: 'precondition_failed' } });
      expect(succeeded(bulk)).toBe(true);
      outcomes.api++;
      outcomes.bulk++;
      const after = await read();
      const sets = after.evses.flatMap((evse) => evse.connectors.map((c) => JSON.stringify(c.tariff_ids)));
      expect(new Set(sets).size, `round ${round}: ${sets.join(' ')}`).toBe(1);
      expect([[a], [b, c], [c]].map((s) => JSON.stringify(s))).toContain(sets[0]);
    }
    const events = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, station.id), eq(auditEvents.action, 'charge_station.tariffs_set')));
    // Every change that was answered as done wrote its one audit event (a change to the same codes writes one too).
    expect(events.length).toBe(outcomes.api + outcomes.portal + outcomes.bulk);
  });
});
