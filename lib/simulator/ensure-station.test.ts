import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '@/lib/api-client';
import { apiDispatcher } from '@/lib/api/dispatch';
import { getEnv } from '@/lib/env';
import { makeApiKey, makeStation, makeTenant } from '@/test/fixtures';
import { ensureStation } from './ensure-station';

// Against the real API over HTTP (the custom server's /api/v2 dispatcher on a real database),
// through the typed client, as the simulator calls it.
let server: http.Server;
let baseUrl: string;
let admin: ApiClient;

beforeAll(async () => {
  const dispatch = apiDispatcher(getEnv());
  server = http.createServer((req, res) => void (dispatch(req, res) || res.writeHead(404).end()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  admin = createApiClient({ baseUrl, apiKey: (await makeApiKey('cpo_admin', null)).secret });
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const ocppId = () => `SIM-${randomUUID().slice(0, 8).toUpperCase()}`;

async function stationsWith(client: ApiClient, id: string) {
  const { data } = await client.GET('/api/v2/charge-stations', { params: { query: { q: id, limit: 1000 } } });
  return data!.data.filter((station) => station.ocpp_id === id);
}

describe('ensureStation', () => {
  it('creates a missing station with the identity it boots with and its password, then finds it', async () => {
    const id = ocppId();
    const identity = { vendor: 'Alfen', model: 'Eve Single', serialNumber: `ACE-${id}`, firmwareVersion: '6.1.0' };
    const created = await ensureStation(admin, { ocppId: id, password: 'a-station-password-0001', identity });
    expect(created.created).toBe(true);

    const { data: station } = await admin.GET('/api/v2/charge-stations/{id}', { params: { path: { id: created.id } } });
    expect(station).toMatchObject({
      ocpp_id: id,
      vendor: 'Alfen',
      model: 'Eve Single',
      serial_number: `ACE-${id}`,
      tenant_id: null,
      location_id: null,
      registration: 'ACCEPTED',
    });

    expect(await ensureStation(admin, { ocppId: id, identity })).toEqual({ id: created.id, created: false });
    expect(await stationsWith(admin, id)).toHaveLength(1);
  });

  it('without a password the station is created pending, to be provisioned when linked', async () => {
    const { id } = await ensureStation(admin, { ocppId: ocppId() });
    const { data: station } = await admin.GET('/api/v2/charge-stations/{id}', { params: { path: { id } } });
    expect(station?.registration).toBe('PENDING');
  });

  it('matches the OCPP id exactly, not a station whose id contains it', async () => {
    const longer = await makeStation(null);
    const id = longer.ocppId.slice(0, -1);
    const ensured = await ensureStation(admin, { ocppId: id });
    expect(ensured.created).toBe(true);
    expect(ensured.id).not.toBe(longer.id);
    expect(await ensureStation(admin, { ocppId: longer.ocppId })).toEqual({ id: longer.id, created: false });
  });

  it('two callers ensuring the same station at once end with one station', async () => {
    const id = ocppId();
    const results = await Promise.all([ensureStation(admin, { ocppId: id }), ensureStation(admin, { ocppId: id })]);
    expect(results[0].id).toBe(results[1].id);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await stationsWith(admin, id)).toHaveLength(1);
  });

  it("a tenant's key creates the station unlinked in its tenant", async () => {
    const tenant = await makeTenant();
    const client = createApiClient({ baseUrl, apiKey: (await makeApiKey('customer_admin', tenant.id)).secret });
    const { id, created } = await ensureStation(client, { ocppId: ocppId() });
    expect(created).toBe(true);
    const { data: station } = await client.GET('/api/v2/charge-stations/{id}', { params: { path: { id } } });
    expect(station).toMatchObject({ tenant_id: tenant.id, location_id: null });
  });

  it('a refused key fails with the status', async () => {
    const client = createApiClient({ baseUrl, apiKey: 'clm_not_a_key_of_this_deployment' });
    await expect(ensureStation(client, { ocppId: ocppId() })).rejects.toThrow(/: 401 /);
  });
});
