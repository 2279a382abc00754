import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { z } from 'zod';
import { ALL_ENDPOINTS } from '@/lib/api';
import type { Endpoint } from '@/lib/http/endpoint';
import { callEndpoint, endpoint, normalised, type ApiAnswer } from './api-call';
import { leaksIn, ROLES, SEES_POOL, TENANT_ROLES, type Role, type World } from './world';

/** One generated case of the matrix: a name for the report and a check against the world. */
export type MatrixCase = { name: string; run: (world: World) => Promise<void> };

const def = (e: Endpoint) => e.definition;
const opName = (e: Endpoint) => `${def(e).method} ${def(e).path}`;
const isPrivate = (e: Endpoint) => def(e).path.startsWith('/api/v2/') && !def(e).public;
/** Hardware templates are the CPO's catalog, owned by no tenant. */
const tenantOwned = (e: Endpoint) => !def(e).path.includes('hardware-templates');

const byId = ALL_ENDPOINTS.filter((e) => isPrivate(e) && def(e).path.includes('{id}') && tenantOwned(e));
const lists = ALL_ENDPOINTS.filter((e) => isPrivate(e) && def(e).method === 'GET' && !def(e).path.includes('{'));
const stationOps = byId.filter((e) => def(e).path.startsWith('/api/v2/charge-stations/'));
const subObjectOps = byId.filter((e) => /\{(command_id|run_id)\}/.test(def(e).path));

function theirIdFor(world: World, e: Endpoint): string {
  const collection = def(e).path.split('/')[3]!;
  const ids: Record<string, string> = {
    locations: world.their.location,
    'charge-stations': world.their.station,
    tariffs: world.their.tariff,
    tenants: world.their.tenant,
    users: world.their.user,
    'api-keys': world.their.apiKey,
    webhooks: world.their.webhook,
    imports: world.their.import,
  };
  return ids[collection]!;
}

/** An id nobody has: a tariff code for tariffs, a UUID elsewhere. */
const missingIdFor = (e: Endpoint) =>
  def(e).path.startsWith('/api/v2/tariffs/') ? `NOPE-${randomUUID().slice(0, 8).toUpperCase()}` : randomUUID();

const subParams = (command: string, run: string, delivery: string = randomUUID()) => ({
  command_id: command,
  run_id: run,
  delivery_id: delivery,
  index: '0',
});

function expectNoLeak(answer: ApiAnswer, world: World, role: Role, where: string) {
  expect(leaksIn(answer.text, world, role), `${where} leaked`).toEqual([]);
}

/** The API takes an API key or the portal's session cookie: both credentials of each role are tried. */
const VIAS = ['api key', 'session'] as const;
type Via = (typeof VIAS)[number];
const callerOf = (world: World, role: Role, via: Via) =>
  via === 'api key' ? { key: world.holders[role].key } : { userId: world.holders[role].userId };

/** The same request for the forged id and for an id that does not exist must answer the same. */
async function expectLikeMissing(
  world: World,
  role: Role,
  e: Endpoint,
  forged: Record<string, string>,
  missing: Record<string, string>,
  body?: unknown,
  via: Via = 'api key',
) {
  const caller = callerOf(world, role, via);
  const theirs = await callEndpoint(e, { ...caller, params: forged, body });
  const none = await callEndpoint(e, { ...caller, params: missing, body });
  expect(theirs.status, opName(e)).toBe(404);
  expect(normalised(theirs, Object.values(forged))).toBe(normalised(none, Object.values(missing)));
  expectNoLeak(theirs, world, role, opName(e));
}

function byIdCases(): MatrixCase[] {
  const theirObject = byId.flatMap((e) =>
    TENANT_ROLES.flatMap((role) =>
      VIAS.map((via): MatrixCase => ({
        name: `api: ${opName(e)} on the other tenant’s object as ${role} (${via}) → 404 like a missing id`,
        run: (world) =>
          expectLikeMissing(
            world,
            role,
            e,
            { id: theirIdFor(world, e), ...subParams(world.their.command, world.their.testRun, world.their.delivery) },
            { id: missingIdFor(e), ...subParams(randomUUID(), randomUUID()) },
            def(e).body?.example,
            via,
          ),
      })),
    ),
  );
  const poolStation = stationOps.flatMap((e) =>
    ROLES.filter((r) => !SEES_POOL.includes(r)).map((role): MatrixCase => ({
      name: `api: ${opName(e)} on a pool station as ${role} → 404 like a missing id`,
      run: (world) =>
        expectLikeMissing(
          world,
          role,
          e,
          { id: world.pool.station, ...subParams(randomUUID(), randomUUID()) },
          { id: randomUUID(), ...subParams(randomUUID(), randomUUID()) },
          def(e).body?.example,
        ),
    })),
  );
  const poolReaders = stationOps
    .filter((e) => def(e).method === 'GET' && !/\{(command_id|run_id)\}/.test(def(e).path))
    .flatMap((e) =>
      SEES_POOL.map((role): MatrixCase => ({
        name: `api: ${opName(e)} on a pool station as ${role} → 200`,
        run: async (world) => {
          const answer = await callEndpoint(e, { key: world.holders[role].key, params: { id: world.pool.station } });
          expect(answer.status).toBe(200);
          expectNoLeak(answer, world, role, opName(e));
        },
      })),
    );
  const theirSubObject = subObjectOps.flatMap((e) =>
    ROLES.map((role): MatrixCase => ({
      name: `api: ${opName(e)} with the other tenant’s sub-object under an own station as ${role} → 404`,
      run: (world) =>
        expectLikeMissing(
          world,
          role,
          e,
          { id: world.ownStation, ...subParams(world.their.command, world.their.testRun) },
          { id: world.ownStation, ...subParams(randomUUID(), randomUUID()) },
        ),
    })),
  );
  const cpoReads = byId
    .filter((e) => def(e).method === 'GET' && !/\{(command_id|run_id)\}/.test(def(e).path))
    .map((e): MatrixCase => ({
      name: `api: ${opName(e)} on the other tenant’s object as cpo_admin → 200 (the matrix is not vacuous)`,
      run: async (world) => {
        const answer = await callEndpoint(e, { key: world.holders.cpo_admin.key, params: { id: theirIdFor(world, e) } });
        expect(answer.status).toBe(200);
      },
    }));
  return [...theirObject, ...poolStation, ...poolReaders, ...theirSubObject, ...cpoReads];
}

/** Whether a list's query schema takes these parameters (a list without a filter answers 400 for it). */
const takes = (e: Endpoint, query: Record<string, string>) => (def(e).query as z.ZodType).safeParse(query).success;

type ListVariant = { label: string; query: (world: World) => Record<string, string>; sample: Record<string, string> };

const LIST_VARIANTS: ListVariant[] = [
  { label: 'everything', query: () => ({ limit: '1000' }), sample: { limit: '1000' } },
  { label: 'with deleted', query: () => ({ limit: '1000', include_deleted: 'true' }), sample: { include_deleted: 'true' } },
  { label: 'tenant=<theirs>', query: (w) => ({ tenant: w.other }), sample: { tenant: randomUUID() } },
  { label: 'q=<their marker>', query: (w) => ({ q: w.markers.theirs }), sample: { q: 'x' } },
  { label: 'q=<pool marker>', query: (w) => ({ q: w.markers.pool }), sample: { q: 'x' } },
  { label: 'location_id=<theirs>', query: (w) => ({ location_id: w.their.location }), sample: { location_id: randomUUID() } },
  { label: 'custom_group=<theirs>', query: (w) => ({ custom_group: w.their.group }), sample: { custom_group: 'x' } },
  { label: 'unlinked=true', query: () => ({ unlinked: 'true', limit: '1000' }), sample: { unlinked: 'true' } },
];

const THEIR_AUDITED: [string, (w: World) => string][] = [
  ['location', (w) => w.their.location],
  ['charge_station', (w) => w.their.station],
  ['charge_station', (w) => w.pool.station],
  ['tariff', (w) => w.their.tariff],
  ['tenant', (w) => w.their.tenant],
  ['user', (w) => w.their.user],
  ['api_key', (w) => w.their.apiKey],
  ['webhook', (w) => w.their.webhook],
  ['import', (w) => w.their.import],
];

const AUDIT_VARIANTS: ListVariant[] = THEIR_AUDITED.flatMap(([entity, id]) => [
  { label: `entity_id=<their ${entity}>`, query: (w: World) => ({ entity_id: id(w) }), sample: {} },
  { label: `entity=${entity}&entity_id=<theirs>`, query: (w: World) => ({ entity, entity_id: id(w) }), sample: {} },
]);
AUDIT_VARIANTS.push({ label: 'actor=<their user>', query: (w) => ({ actor: `user:${w.theirs.userId}` }), sample: {} });

function listCases(): MatrixCase[] {
  return lists.flatMap((e) => {
    const isExport = def(e).path.endsWith('/export');
    const formats = isExport ? ['ndjson', 'csv'] : [undefined];
    const withFormat = (q: Record<string, string>, format: string | undefined) => {
      const { limit, ...rest } = q;
      return format ? { ...rest, format } : { ...rest, ...(limit ? { limit } : {}) };
    };
    const variants = [
      ...LIST_VARIANTS.filter((v) => takes(e, withFormat(v.sample, formats[0]))),
      ...(def(e).path === '/api/v2/audit-events' ? AUDIT_VARIANTS : []),
    ];
    return formats.flatMap((format) =>
      variants.flatMap((variant) =>
        ROLES.flatMap((role) =>
          VIAS.map((via): MatrixCase => ({
            name: `api: ${opName(e)}${format ? ` (${format})` : ''} ${variant.label} as ${role} (${via}) → nothing of the other tenant`,
            run: async (world) => {
              const query = new URLSearchParams(withFormat(variant.query(world), format)).toString();
              const answer = await callEndpoint(e, { ...callerOf(world, role, via), query });
              expect([200, 403], answer.text.slice(0, 300)).toContain(answer.status);
              expectNoLeak(answer, world, role, `${opName(e)}?${query}`);
            },
          })),
        ),
      ),
    );
  });
}

/** The CPO finds the other tenant by its marker: the search cases above would catch a leak. */
function searchSanityCases(): MatrixCase[] {
  return ['/api/v2/locations', '/api/v2/charge-stations', '/api/v2/users', '/api/v2/api-keys', '/api/v2/tenants'].map((path) => ({
    name: `api: GET ${path} q=<their marker> as cpo_admin finds them (the search cases are not vacuous)`,
    run: async (world) => {
      const answer = await callEndpoint(endpoint('GET', path), { key: world.holders.cpo_admin.key, query: `q=${world.markers.theirs}` });
      expect(answer.status).toBe(200);
      expect(answer.text).toContain(world.markers.theirs);
    },
  }));
}

const pagedLists = lists.filter((e) => !def(e).path.endsWith('/export'));

/** A second page's cursor, issued to the caller (`userId`: through the session, for a caller of several tenants). */
async function firstCursor(e: Endpoint, caller: { key?: string; userId?: string }): Promise<string> {
  const answer = await callEndpoint(e, { ...caller, query: 'limit=1' });
  const cursor = (JSON.parse(answer.text) as { next_cursor: string | null }).next_cursor;
  if (!cursor) throw new Error(`${opName(e)}: no second page for the cursor case`);
  return cursor;
}

function cursorCases(): MatrixCase[] {
  const fromOtherTenant = pagedLists.flatMap((e) =>
    ROLES.map((role): MatrixCase => ({
      name: `api: ${opName(e)} with a cursor issued to the other tenant’s caller, as ${role} → 400`,
      run: async (world) => {
        const cursor = await firstCursor(e, { userId: world.theirs.userId });
        const answer = await callEndpoint(e, { key: world.holders[role].key, query: `limit=1&cursor=${encodeURIComponent(cursor)}` });
        // A role without the list's permission is refused before its cursor is read.
        expect([400, 403]).toContain(answer.status);
        expectNoLeak(answer, world, role, opName(e));
      },
    })),
  );
  const fromOtherCaller = pagedLists.flatMap((e) =>
    ROLES.filter((r) => r !== 'cpo_admin').map((role): MatrixCase => ({
      name: `api: ${opName(e)} with a cursor issued to the CPO, as ${role} of the own tenant → 400`,
      run: async (world) => {
        const cursor = await firstCursor(e, { key: world.holders.cpo_admin.key });
        const answer = await callEndpoint(e, { key: world.holders[role].key, query: `limit=1&cursor=${encodeURIComponent(cursor)}` });
        // A role without the list's permission is refused before its cursor is read.
        expect([400, 403]).toContain(answer.status);
        expectNoLeak(answer, world, role, opName(e));
      },
    })),
  );
  const fromOtherEndpoint = pagedLists.map((e): MatrixCase => ({
    name: `api: ${opName(e)} with the same caller’s cursor of another list → 400`,
    run: async (world) => {
      const other = pagedLists.find((o) => o !== e && o.definition.path !== '/api/v2/hardware-templates')!;
      const cursor = await firstCursor(other, { key: world.holders.cpo_admin.key });
      const answer = await callEndpoint(e, { key: world.holders.cpo_admin.key, query: `limit=1&cursor=${encodeURIComponent(cursor)}` });
      expect(answer.status).toBe(400);
    },
  }));
  return [...fromOtherTenant, ...fromOtherCaller, ...fromOtherEndpoint];
}

type Forgery = {
  name: string;
  method: string;
  path: string;
  params?: (w: World) => Record<string, string>;
  /** The body with the other tenant's id, and with an id nobody has. */
  body: (w: World, id: string) => unknown;
  theirs: (w: World) => string;
  missing: () => string;
};

const place = { address: 'Parklaan 12', city: 'Utrecht', country: 'NLD', coordinates: { latitude: 52.09, longitude: 5.12 } };
const own = (w: World) => ({ id: w.ownStation });

const FORGERIES: Forgery[] = [
  {
    name: 'subscribe to their tenant’s events',
    method: 'POST',
    path: '/api/v2/webhooks',
    body: (_w, id) => ({ url: 'https://hooks.example.com/forged', events: ['location.created'], tenant_id: id }),
    theirs: (w) => w.other,
    missing: randomUUID,
  },
  {
    name: 'create a location in their tenant',
    method: 'POST',
    path: '/api/v2/locations',
    body: (_w, id) => ({ tenant_id: id, name: 'Forged', ...place }),
    theirs: (w) => w.other,
    missing: randomUUID,
  },
  {
    name: 'create a station at their location',
    method: 'POST',
    path: '/api/v2/charge-stations',
    body: (_w, id) => ({ ocpp_id: `FORGED-${randomUUID().slice(0, 8)}`, charger_type: 'AC', location_id: id }),
    theirs: (w) => w.their.location,
    missing: randomUUID,
  },
  {
    name: 'create a station in their tenant',
    method: 'POST',
    path: '/api/v2/charge-stations',
    body: (_w, id) => ({ ocpp_id: `FORGED-${randomUUID().slice(0, 8)}`, charger_type: 'AC', tenant_id: id }),
    theirs: (w) => w.other,
    missing: randomUUID,
  },
  {
    name: 'link an own station to their location',
    method: 'POST',
    path: '/api/v2/charge-stations/{id}/link',
    params: own,
    body: (_w, id) => ({ location_id: id }),
    theirs: (w) => w.their.location,
    missing: randomUUID,
  },
  {
    name: 'assign their tariff to an own station',
    method: 'PUT',
    path: '/api/v2/charge-stations/{id}/tariffs',
    params: own,
    body: (_w, id) => ({ tariff_ids: [id] }),
    theirs: (w) => w.their.tariff,
    missing: () => `NOPE-${randomUUID().slice(0, 8).toUpperCase()}`,
  },
  {
    name: 'set tariffs on their EVSE through an own station',
    method: 'PUT',
    path: '/api/v2/charge-stations/{id}/tariffs',
    params: own,
    body: (w, id) => ({ tariff_ids: [w.sharedTariff], evse_uids: [id] }),
    theirs: (w) => w.their.evse,
    missing: randomUUID,
  },
  {
    name: 'set tariffs on their connector through an own station',
    method: 'PUT',
    path: '/api/v2/charge-stations/{id}/tariffs',
    params: own,
    body: (w, id) => ({ tariff_ids: [w.sharedTariff], connectors: [{ evse_uid: id, connector_id: '1' }] }),
    theirs: (w) => w.their.evse,
    missing: randomUUID,
  },
  {
    name: 'set availability of their EVSE through an own station',
    method: 'POST',
    path: '/api/v2/charge-stations/{id}/availability',
    params: own,
    body: (_w, id) => ({ availability: 'OPERATIVE', evse_uids: [id] }),
    theirs: (w) => w.their.evse,
    missing: randomUUID,
  },
  {
    name: 'move an own location into their tenant',
    method: 'PATCH',
    path: '/api/v2/locations/{id}',
    params: (w) => ({ id: w.ownLocation }),
    body: (_w, id) => ({ tenant_id: id }),
    theirs: (w) => w.other,
    missing: randomUUID,
  },
  {
    name: 'move an own station to their location',
    method: 'PATCH',
    path: '/api/v2/charge-stations/{id}',
    params: own,
    body: (_w, id) => ({ location_id: id }),
    theirs: (w) => w.their.location,
    missing: randomUUID,
  },
  {
    name: 'invite a user into their tenant',
    method: 'POST',
    path: '/api/v2/users',
    body: (_w, id) => ({
      email: `forged-${randomUUID().slice(0, 8)}@example.test`,
      name: 'Forged',
      password: 'correct-horse-battery',
      memberships: [{ tenant_id: id, role: 'viewer' }],
    }),
    theirs: (w) => w.other,
    missing: randomUUID,
  },
  {
    name: 'grant an own user a membership in their tenant',
    method: 'PATCH',
    path: '/api/v2/users/{id}',
    params: (w) => ({ id: w.holders.viewer.userId }),
    body: (w, id) => ({
      memberships: [
        { tenant_id: w.own, role: 'viewer' },
        { tenant_id: id, role: 'viewer' },
      ],
    }),
    theirs: (w) => w.other,
    missing: randomUUID,
  },
  {
    name: 'create an API key for their tenant',
    method: 'POST',
    path: '/api/v2/api-keys',
    body: (_w, id) => ({ name: 'Forged', role: 'viewer', tenant_id: id }),
    theirs: (w) => w.other,
    missing: randomUUID,
  },
];

/** Forged ids of the other tenant inside the body of an own-scope request answer as an unknown id would. */
function forgeryCases(): MatrixCase[] {
  return FORGERIES.flatMap((forgery) =>
    TENANT_ROLES.map((role): MatrixCase => ({
      name: `api: ${forgery.method} ${forgery.path}: ${forgery.name} as ${role} → same answer as for an unknown id`,
      run: async (world) => {
        const e = endpoint(forgery.method, forgery.path);
        const key = world.holders[role].key;
        const params = forgery.params?.(world) ?? {};
        const theirId = forgery.theirs(world);
        const missingId = forgery.missing();
        const theirs = await callEndpoint(e, { key, params, body: forgery.body(world, theirId) });
        const none = await callEndpoint(e, { key, params, body: forgery.body(world, missingId) });
        expect(theirs.status, theirs.text).toBeGreaterThanOrEqual(400);
        const answer = normalised(theirs, [theirId]).replace(/FORGED-\w+/g, '');
        expect(answer).toBe(normalised(none, [missingId]).replace(/FORGED-\w+/g, ''));
        // The forged id itself is the caller's own input; anything else of theirs would be a leak.
        expect(leaksIn(answer, world, role), `${forgery.name} leaked`).toEqual([]);
      },
    })),
  );
}

type Clash = {
  name: string;
  method: string;
  path: string;
  params?: (w: World) => Record<string, string>;
  body: (w: World) => unknown;
  sent: (w: World) => string;
};

/**
 * ocpp_id and e-mail are unique in the whole deployment, so sending another tenant's value is a
 * 409 — but one that names nothing of theirs (no existing_id of an object the caller cannot see).
 */
const CLASHES: Clash[] = [
  {
    name: 'create a station with their ocpp_id',
    method: 'POST',
    path: '/api/v2/charge-stations',
    body: (w) => ({ ocpp_id: w.clashable.ocppId, charger_type: 'AC', location_id: w.ownLocation }),
    sent: (w) => w.clashable.ocppId,
  },
  {
    name: 'invite a user with their user’s e-mail',
    method: 'POST',
    path: '/api/v2/users',
    body: (w) => ({
      email: w.clashable.email,
      name: 'Clash',
      password: 'correct-horse-battery',
      memberships: [{ tenant_id: w.own, role: 'viewer' }],
    }),
    sent: (w) => w.clashable.email,
  },
  {
    name: 'give an own user their user’s e-mail',
    method: 'PATCH',
    path: '/api/v2/users/{id}',
    params: (w) => ({ id: w.holders.viewer.userId }),
    body: (w) => ({ email: w.clashable.email }),
    sent: (w) => w.clashable.email,
  },
];

function clashCases(): MatrixCase[] {
  return CLASHES.flatMap((clash) =>
    TENANT_ROLES.map((role): MatrixCase => ({
      name: `api: ${clash.method} ${clash.path}: ${clash.name} as ${role} → 409 (or 403/404) naming nothing of theirs`,
      run: async (world) => {
        const answer = await callEndpoint(endpoint(clash.method, clash.path), {
          key: world.holders[role].key,
          params: clash.params?.(world),
          body: clash.body(world),
        });
        expect([403, 404, 409], answer.text).toContain(answer.status);
        // The value itself is the caller's own input.
        const text = answer.text.toLowerCase().replaceAll(clash.sent(world).toLowerCase(), '<sent>');
        expect(leaksIn(text, world, role), `${clash.name} leaked`).toEqual([]);
      },
    })),
  );
}

/** Operations on one object (theirs, the pool's, their sub-objects), cursors and forged ids in bodies. */
export const apiObjectCases = (): MatrixCase[] => [...byIdCases(), ...cursorCases(), ...forgeryCases(), ...clashCases()];

/** Lists, exports, search and audit queries. */
export const apiListCases = (): MatrixCase[] => [...listCases(), ...searchSanityCases()];
