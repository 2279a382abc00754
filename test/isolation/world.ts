import { randomUUID } from 'node:crypto';
import { t2SocketExample } from '@/lib/api/examples';
import { inArray, sql } from 'drizzle-orm';
import type { AuthContext } from '@/lib/auth/context';
import { systemContext } from '@/lib/auth/context';
import { contextForApiKey, contextForUser } from '@/lib/auth/load-context';
import { getDb } from '@/lib/db/client';
import { chargeStations, ocppMessages, stationCommands, stationTestRuns } from '@/lib/db/schema';
import { createApiKey } from '@/lib/services/api-keys';
import { createHardwareTemplate } from '@/lib/services/hardware-templates';
import { createImport } from '@/lib/services/imports';
import { createWebhook, sendTestWebhook } from '@/lib/services/webhooks';
import { addMaintenanceWindow, createChargeStation } from '@/lib/services/charge-stations';
import { createLocation } from '@/lib/services/locations';
import { createTariff } from '@/lib/services/tariffs';
import { createUser } from '@/lib/services/users';
import { API_PLACE, makeApiKey, makeTenant, makeUser } from '@/test/fixtures';

export const ROLES = ['cpo_admin', 'account_manager', 'customer_admin', 'customer_operator', 'viewer', 'installer'] as const;
export type Role = (typeof ROLES)[number];
export const SEES_POOL: readonly Role[] = ['cpo_admin', 'installer'];
/** Roles held per tenant: for them another tenant's objects must not exist. */
export const TENANT_ROLES = ROLES.filter((r) => r !== 'cpo_admin');

/** A caller of the matrix: a portal user and an API key holding the same role in the own tenant. */
export type Holder = { role: Role; userId: string; key: string; keyId: string; ctx: AuthContext };

/**
 * Two tenants and the unassigned pool, each object of the other tenant and of the pool carrying a
 * marker string in its names and remarks: a response that holds a marker or an id from `leaks`
 * has leaked.
 */
export type World = {
  own: string;
  other: string;
  /** A second tenant of the other tenant's admin, so its lists have a second page. */
  otherSecond: string;
  holders: Record<Role, Holder>;
  ownLocation: string;
  ownStation: string;
  ownEvse: string;
  sharedTariff: string;
  /** The other tenant's caller (customer_admin there), whose cursors the matrix reuses. */
  theirs: { userId: string; key: string; ctx: AuthContext };
  their: {
    tenant: string;
    location: string;
    station: string;
    evse: string;
    tariff: string;
    user: string;
    apiKey: string;
    webhook: string;
    delivery: string;
    import: string;
    command: string;
    testRun: string;
    group: string;
  };
  pool: { station: string };
  /** Unique values of the other tenant's objects (the deployment-wide ocpp_id, the e-mail) a caller may send and clash with. */
  clashable: { ocppId: string; email: string };
  /** Marker strings of the other tenant's and the pool's objects. */
  markers: { theirs: string; pool: string };
};

const place = API_PLACE;
const connector = t2SocketExample;

async function holder(role: Role, own: string): Promise<Holder> {
  const tenantIds = role === 'cpo_admin' ? [] : [own];
  const user = await makeUser(role, tenantIds);
  const { secret, key } = await makeApiKey(role, role === 'cpo_admin' ? null : own);
  return { role, userId: user.id, key: secret, keyId: key.id, ctx: (await contextForUser(getDb(), user.id))! };
}

export async function buildWorld(): Promise<World> {
  const tag = randomUUID().slice(0, 8).toUpperCase();
  const markers = { theirs: `ZQTHEIRS${tag}`, pool: `ZQPOOL${tag}` };
  const m = markers.theirs;
  const system = systemContext();
  const own = (await makeTenant('Own')).id;
  const other = (await makeTenant(`Their ${m}`)).id;
  const otherSecond = (await makeTenant(`Their second ${m}`)).id;

  const holders = {} as Record<Role, Holder>;
  for (const role of ROLES) holders[role] = await holder(role, own);

  const theirUser = await makeUser('customer_admin', [other, otherSecond]);
  const theirKey = await makeApiKey('customer_admin', other);
  const theirCtx = (await contextForUser(getDb(), theirUser.id))!;

  const sharedTariff = (await createTariff({ ctx: system, input: { id: `SHARED-${tag}`, currency: 'EUR', elements: tariffElements() } }))
    .id;
  const theirTariff = (
    await createTariff({
      ctx: system,
      input: { id: `THEIRS-${tag}`, name: `Tariff ${m}`, currency: 'EUR', elements: tariffElements(), tenant_ids: [other] },
    })
  ).id;

  for (const n of [1, 2]) {
    await createHardwareTemplate({
      ctx: system,
      input: { name: `Template ${tag} ${n}`, charger_type: 'AC', evses: [{ connectors: [connector] }] },
    });
  }
  const ownLocation = (await createLocation({ ctx: system, input: { tenant_id: own, name: `Own site ${tag}`, ...place } })).id;
  const ownStationRecord = await createChargeStation({
    ctx: system,
    input: { ocpp_id: `OWN-${tag}`, charger_type: 'AC', location_id: ownLocation, evses: [{ connectors: [connector] }] },
  });

  const group = `Group ${m}`;
  const theirLocations = [];
  for (const n of [1, 2]) {
    theirLocations.push(
      (
        await createLocation({
          ctx: theirCtx,
          input: {
            tenant_id: other,
            external_id: `EXT-${m}-${n}`,
            name: `Site ${m} ${n}`,
            remarks: `Remarks ${m}`,
            custom_groups: [group],
            maintenance: { contractor: `Contractor ${m}` },
            ...place,
          },
        })
      ).id,
    );
  }
  const theirStations = [];
  for (const n of [1, 2]) {
    theirStations.push(
      await createChargeStation({
        ctx: theirCtx,
        input: {
          ocpp_id: `THEIRS-${tag}-${n}`,
          charger_type: 'AC',
          // The second one unlinked in their tenant: "unlinked" lists and the installer view must not show it.
          ...(n === 1 ? { location_id: theirLocations[0]! } : { tenant_id: other }),
          name: `Station ${m} ${n}`,
          serial_number: `SER${m}${n}`,
          remarks: `Remarks ${m}`,
          custom_groups: [group],
          evses: [{ connectors: [{ ...connector, tariff_ids: [theirTariff] }] }],
        },
      }),
    );
  }
  const theirStation = theirStations[0]!;
  await addMaintenanceWindow({
    ctx: theirCtx,
    id: theirStation.id,
    input: { starts_at: '2030-01-01T00:00:00Z', ends_at: '2030-01-02T00:00:00Z', reason: `Window ${m}` },
  });
  const db = getDb();
  const [testRun] = await db
    .insert(stationTestRuns)
    .values({ stationId: theirStation.id, status: 'FAILED', requestedBy: `user:${theirUser.id}` })
    .returning();
  const [command] = await db
    .insert(stationCommands)
    .values({ stationId: theirStation.id, kind: 'reset', payload: { type: 'SOFT', note: m }, requestedBy: `user:${theirUser.id}` })
    .returning();
  await db.insert(ocppMessages).values(
    [1, 2].map((n) => ({
      stationId: theirStation.id,
      direction: 'IN' as const,
      messageType: 'CALL' as const,
      action: 'DataTransfer',
      messageId: `${m}-${n}`,
      payload: { vendorId: m },
    })),
  );
  const user = await createUser({
    ctx: theirCtx,
    input: {
      email: `${m.toLowerCase()}@example.test`,
      name: `User ${m}`,
      password: 'correct-horse-battery',
      memberships: [{ tenant_id: other, role: 'viewer' }],
    },
  });
  const apiKey = await createApiKey({ ctx: theirCtx, input: { name: `Key ${m}`, role: 'viewer', tenant_id: other } });
  const webhooks = [];
  for (const n of [1, 2]) {
    webhooks.push(
      await createWebhook({
        ctx: theirCtx,
        input: {
          url: `https://hooks.example.com/${m}/${n}`,
          events: ['location.created'],
          description: `Hook ${m} ${n}`,
          tenant_id: other,
        },
      }),
    );
  }
  const delivery = await sendTestWebhook({ ctx: theirCtx, id: webhooks[0]!.id });
  // Their imports, by their tenant's key (so in their tenant); two, so the lists have a second page.
  const theirKeyCtx = (await contextForApiKey(db, theirKey.secret))!;
  const theirImports = [];
  for (const n of [1, 2]) {
    const file = `external_id,name,address,city,country,latitude,longitude\nIMP-${m}-${n},Imported ${m},Laan 1,Utrecht,NLD,52.1,5.1\nIMP-${m}-bad,,,,,,\n`;
    theirImports.push(
      await createImport({ ctx: theirKeyCtx, entity: 'locations', dryRun: true, mediaType: 'text/csv', body: new Blob([file]).stream() }),
    );
  }

  const poolStation = await createChargeStation({
    ctx: system,
    input: { ocpp_id: `${markers.pool}-1`, charger_type: 'AC', name: `Pool ${markers.pool}`, serial_number: `SER${markers.pool}` },
  });

  // Heard just now, as a freshly connected station would be: the installer's "recently connected" view looks at these.
  await db
    .update(chargeStations)
    .set({ connected: true, lastHeartbeatAt: new Date(), connectedAt: new Date() })
    .where(inArray(chargeStations.id, [theirStations[1]!.id, poolStation.id]));

  return {
    own,
    other,
    otherSecond,
    holders,
    ownLocation,
    ownStation: ownStationRecord.id,
    ownEvse: ownStationRecord.evses[0]!.uid,
    sharedTariff,
    theirs: { userId: theirUser.id, key: theirKey.secret, ctx: theirCtx },
    their: {
      tenant: other,
      location: theirLocations[0]!,
      station: theirStation.id,
      evse: theirStation.evses[0]!.uid,
      tariff: theirTariff,
      user: user.id,
      apiKey: apiKey.id,
      webhook: webhooks[0]!.id,
      delivery: delivery.id,
      import: theirImports[0]!.id,
      command: command!.id,
      testRun: testRun!.id,
      group,
    },
    pool: { station: poolStation.id },
    clashable: { ocppId: theirStation.ocpp_id, email: user.email },
    markers,
  };
}

function tariffElements() {
  return [{ price_components: [{ type: 'ENERGY' as const, price: 0.3, step_size: 1 }] }];
}

/** What must never reach a caller of the own tenant: the other tenant's markers and ids (and the pool's, for roles without it). */
export function forbiddenStrings(world: World, role: Role): string[] {
  if (role === 'cpo_admin') return [];
  const theirs = [
    world.markers.theirs,
    world.other,
    world.otherSecond,
    ...Object.values(world.their).filter((v) => v !== world.their.group),
    world.theirs.userId,
  ];
  return SEES_POOL.includes(role) ? theirs : [...theirs, world.markers.pool, world.pool.station];
}

/** Fails with the leaked string named, so a failure says what leaked where. */
export function leaksIn(text: string, world: World, role: Role): string[] {
  const lower = text.toLowerCase();
  return forbiddenStrings(world, role).filter((s) => lower.includes(s.toLowerCase()));
}

/** A fingerprint of every row of the other tenant: no request of the own tenant's callers may change it. */
export async function theirRowsFingerprint(world: World): Promise<string> {
  const tenants = [world.other, world.otherSecond];
  const rows = await getDb().execute<{ table: string; digest: string | null }>(sql`
    select 'tenants' as table, md5(string_agg(t::text, '|' order by t.id)) as digest from tenants t where t.id in ${tenants}
    union all select 'locations', md5(string_agg(t::text, '|' order by t.id)) from locations t where t.tenant_id in ${tenants}
    union all select 'charge_stations', md5(string_agg(t::text, '|' order by t.id)) from charge_stations t where t.tenant_id in ${tenants}
    union all select 'evses', md5(string_agg(e::text, '|' order by e.uid)) from evses e join charge_stations s on s.id = e.station_id where s.tenant_id in ${tenants}
    union all select 'connectors', md5(string_agg(c::text, '|' order by c::text)) from connectors c join evses e on e.uid = c.evse_uid join charge_stations s on s.id = e.station_id where s.tenant_id in ${tenants}
    union all select 'station_commands', md5(string_agg(c::text, '|' order by c.id)) from station_commands c join charge_stations s on s.id = c.station_id where s.tenant_id in ${tenants}
    union all select 'webhook_subscriptions', md5(string_agg(t::text, '|' order by t.id)) from webhook_subscriptions t where t.tenant_id in ${tenants}
    union all select 'api_keys', md5(string_agg(t::text, '|' order by t.id)) from api_keys t where t.tenant_id in ${tenants}
    union all select 'memberships', md5(string_agg(t::text, '|' order by t::text)) from memberships t where t.tenant_id in ${tenants}
    union all select 'users', md5(string_agg(u::text, '|' order by u.id)) from users u where u.id in (select user_id from memberships where tenant_id in ${tenants})
    union all select 'tariff_tenants', md5(string_agg(t::text, '|' order by t::text)) from tariff_tenants t where t.tenant_id in ${tenants}
    union all select 'tariffs', md5(string_agg(t::text, '|' order by t.id)) from tariffs t where t.id = ${world.their.tariff}
    union all select 'pool station', md5(string_agg(t::text, '|' order by t.id)) from charge_stations t where t.id = ${world.pool.station}
  `);
  return rows.map((r) => `${r.table}:${r.digest}`).join('\n');
}
