import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { expect, test as base, type APIRequestContext, type Page } from '@playwright/test';
import postgres from 'postgres';
import { SimulatedStation, type SimulatedStationOptions } from '@/lib/simulator';
import { signIn as signInWithForm } from './session';
import { E2E_ADMIN_API_KEY, E2E_BASE_URL, E2E_OCPP_URL, E2E_PASSWORD, E2E_PORT, serverInfoFile } from './settings';

// Every journey builds its own tenants, users and objects through the REST API, so journeys run in
// parallel and in any order on one server. Names carry a random suffix: slugs, e-mails, OCPP ids
// and tariff codes are unique across the deployment, and a server may serve several runs.

/** A random 8-character suffix (lower-case hex); upper-case it where a code must be. */
export const unique = () => randomBytes(4).toString('hex');

export type Tenant = { id: string; slug: string; name: string; kind: string };
export type User = { id: string; email: string; name: string; password: string };
export type Location = {
  id: string;
  tenant_id: string;
  name: string;
  address: string;
  city: string;
  coordinates: { latitude: number; longitude: number };
  stations_count: number;
  version: number;
};
export type Connector = { id: string; tariff_ids: string[] };
export type Evse = { uid: string; evse_id: string | null; connectors: Connector[] };
export type Station = {
  id: string;
  tenant_id: string | null;
  location_id: string | null;
  ocpp_id: string;
  name: string | null;
  availability: string;
  custom_groups: string[];
  version: number;
  evses: Evse[];
};
/** A list response of the API. */
export type List<T> = { data: T[]; next_cursor: string | null };
export type Tariff = { id: string; name: string; tenant_ids: string[] };
export type ApiKey = { id: string; name: string; secret: string; headers: { authorization: string } };
export type Role = 'cpo_admin' | 'account_manager' | 'customer_admin' | 'customer_operator' | 'viewer' | 'installer';
/** Where a new station goes: linked to a location, unlinked in a tenant, or (neither) the unassigned pool. */
export type StationPlace = { location?: Location; tenant?: Tenant };
type Body = Record<string, unknown>;

/** The REST API as the bootstrap cpo_admin key; every call checks its status and returns the JSON body. */
export class Api {
  constructor(readonly request: APIRequestContext) {}

  get<T>(path: string): Promise<T> {
    return this.call('GET', path, undefined, 200);
  }

  post<T>(path: string, data: unknown = {}, status = 201): Promise<T> {
    return this.call('POST', path, data, status);
  }

  patch<T>(path: string, data: unknown): Promise<T> {
    return this.call('PATCH', path, data, 200);
  }

  /** `path` below /api/v2, e.g. `/charge-stations?limit=10`. */
  private async call<T>(method: string, path: string, data: unknown, status: number): Promise<T> {
    const response = await this.request.fetch(`/api/v2${path}`, { method, data });
    if (response.status() !== status) {
      throw new Error(`${method} /api/v2${path} answered ${response.status()} instead of ${status}: ${await response.text()}`);
    }
    return (await response.json()) as T;
  }
}

/** One EVSE with one 22 kW type 2 socket, as most AC stations have. */
export function acEvse(tariffIds: string[] = []) {
  return {
    evse_id: `NL*E2E*E${unique().toUpperCase()}${unique().toUpperCase()}*1`,
    capabilities: ['RFID_READER'],
    connectors: [
      {
        id: '1',
        standard: 'IEC_62196_T2',
        format: 'SOCKET',
        power_type: 'AC_3_PHASE',
        max_voltage: 400,
        max_amperage: 32,
        max_electric_power: 22000,
        tariff_ids: tariffIds,
      },
    ],
  };
}

type WorkerFixtures = {
  /** The REST API as the bootstrap cpo_admin key (one per worker). */
  api: Api;
  /** The e2e database, for what only a real station could change (its reported status). */
  database: postgres.Sql;
};

type Fixtures = {
  makeTenant: (options?: { name?: string; kind?: string }) => Promise<Tenant>;
  /** A user with `role`: CPO-wide for cpo_admin, else one membership in each tenant; signs in with E2E_PASSWORD. */
  makeUser: (role: Role, tenants?: Tenant | Tenant[], options?: { name?: string }) => Promise<User>;
  makeLocation: (tenant: Tenant, fields?: Body) => Promise<Location>;
  makeStation: (place: StationPlace, fields?: Body) => Promise<Station>;
  /** `count` stations at one place, a few requests at a time; `fields(i)` for the i-th (0-based). */
  makeStations: (count: number, place: StationPlace, fields?: (i: number) => Body) => Promise<Station[]>;
  /** A tariff offered to exactly these tenants (an empty list offers it to every tenant). */
  makeTariff: (tenants: Tenant[], fields?: Body) => Promise<Tariff>;
  makeApiKey: (role: Role, tenant: Tenant | null) => Promise<ApiKey>;
  /** Stores a status as if the station had reported it (on the station and each of its EVSEs). */
  reportStatus: (station: Station, status: string) => Promise<void>;
  /** Signs in through the real form and waits for the dashboard (showing the user's name, when given). */
  signIn: (page: Page, user: Pick<User, 'email' | 'password'> & { name?: string }) => Promise<void>;
  /**
   * A simulated station on the e2e server's gateway, not yet connected (call `connect()`); short
   * intervals so a journey does not wait on hardware timings. Disconnected when the test ends.
   */
  simulateStation: (options: Pick<SimulatedStationOptions, 'ocppId'> & Partial<SimulatedStationOptions>) => SimulatedStation;
};

export const test = base.extend<Fixtures, WorkerFixtures>({
  api: [
    async ({ playwright }, provide) => {
      const request = await playwright.request.newContext({
        baseURL: E2E_BASE_URL,
        extraHTTPHeaders: { authorization: `Bearer ${E2E_ADMIN_API_KEY}` },
      });
      await provide(new Api(request));
      await request.dispose();
    },
    { scope: 'worker' },
  ],

  database: [
    async ({}, provide) => {
      const { databaseUrl } = JSON.parse(fs.readFileSync(serverInfoFile(E2E_PORT), 'utf8')) as { databaseUrl: string };
      const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
      await provide(sql);
      await sql.end({ timeout: 5 });
    },
    { scope: 'worker' },
  ],

  makeTenant: async ({ api }, provide) => {
    await provide(async ({ name, kind = 'B2B' } = {}) => {
      const suffix = unique();
      return api.post<Tenant>('/tenants', { slug: `e2e-${suffix}`, name: name ?? `Tenant ${suffix}`, kind });
    });
  },

  makeUser: async ({ api }, provide) => {
    await provide(async (role, tenants = [], { name } = {}) => {
      const suffix = unique();
      const memberships = role === 'cpo_admin' ? [] : [tenants].flat().map((t) => ({ tenant_id: t.id, role }));
      const user = await api.post<Omit<User, 'password'>>('/users', {
        email: `${role.replace(/_/g, '-')}-${suffix}@e2e.example`,
        name: name ?? `${role} ${suffix}`,
        password: E2E_PASSWORD,
        cpo_role: role === 'cpo_admin' ? 'cpo_admin' : null,
        memberships,
      });
      return { ...user, password: E2E_PASSWORD };
    });
  },

  makeLocation: async ({ api }, provide) => {
    await provide(async (tenant, fields = {}) => {
      const suffix = unique();
      return api.post<Location>('/locations', {
        tenant_id: tenant.id,
        name: `Location ${suffix}`,
        address: `Teststraat ${suffix}`,
        city: 'Utrecht',
        country: 'NLD',
        coordinates: { latitude: 52.0907, longitude: 5.1214 },
        ...fields,
      });
    });
  },

  makeStation: async ({ api }, provide) => {
    await provide((place, fields = {}) => createStation(api, place, fields));
  },

  makeStations: async ({ api }, provide) => {
    await provide(async (count, place, fields = () => ({})) => {
      const stations: Station[] = new Array(count);
      let next = 0;
      // Four at a time: quick enough, and gentle on a busy two-core machine.
      const worker = async () => {
        for (let i = next++; i < count; i = next++) stations[i] = await createStation(api, place, fields(i));
      };
      await Promise.all(Array.from({ length: Math.min(4, count) }, worker));
      return stations;
    });
  },

  makeTariff: async ({ api }, provide) => {
    await provide(async (tenants, fields = {}) => {
      const code = `E2E-${unique().toUpperCase()}`;
      return api.post<Tariff>('/tariffs', {
        id: code,
        name: `Tariff ${code}`,
        currency: 'EUR',
        elements: [{ price_components: [{ type: 'ENERGY', price: 0.31, step_size: 1 }] }],
        tenant_ids: tenants.map((t) => t.id),
        ...fields,
      });
    });
  },

  makeApiKey: async ({ api }, provide) => {
    await provide(async (role, tenant) => {
      const created = await api.post<{ id: string; name: string; key: string }>('/api-keys', {
        name: `e2e key ${unique()}`,
        role,
        tenant_id: tenant?.id ?? null,
        expires_at: null,
      });
      return { id: created.id, name: created.name, secret: created.key, headers: { authorization: `Bearer ${created.key}` } };
    });
  },

  reportStatus: async ({ database }, provide) => {
    await provide(async (station, status) => {
      await database.begin(async (sql) => {
        await sql`update charge_stations set status = ${status}, connected = true, last_heartbeat_at = now() where id = ${station.id}`;
        await sql`update evses set status = ${status} where station_id = ${station.id}`;
      });
    });
  },

  simulateStation: async ({}, provide) => {
    const stations: SimulatedStation[] = [];
    await provide((options) => {
      const station = new SimulatedStation({ url: E2E_OCPP_URL, maxIntervalMs: 2000, reconnectDelayMs: 200, ...options });
      stations.push(station);
      return station;
    });
    await Promise.all(stations.map((station) => station.disconnect()));
  },

  signIn: async ({}, provide) => {
    await provide(async (page, user) => {
      await signInWithForm(page, user.email, user.password);
      if (user.name) await expect(page.getByTestId('current-user')).toHaveText(user.name);
    });
  },
});

export { expect };

async function createStation(api: Api, place: StationPlace, fields: Body): Promise<Station> {
  const suffix = unique().toUpperCase();
  return api.post<Station>('/charge-stations', {
    ocpp_id: `E2E-${suffix}`,
    name: `Station ${suffix}`,
    ...(place.location ? { location_id: place.location.id } : place.tenant ? { tenant_id: place.tenant.id } : {}),
    charger_type: 'AC',
    evses: [acEvse()],
    ...fields,
  });
}
