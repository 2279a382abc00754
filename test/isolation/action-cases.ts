import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { switchTenant } from '@/app/(portal)/actions';
import { createKey, revokeKey } from '@/app/(portal)/api-keys/actions';
import { bulkUpdateStations } from '@/app/(portal)/charge-stations/(list)/actions';
import {
  linkStation,
  resetStation,
  setStationAvailability,
  setStationTariffs,
  unlinkStation,
} from '@/app/(portal)/charge-stations/[id]/actions';
import {
  addMaintenanceWindow,
  removeMaintenanceWindow,
  saveConfigurationKey,
  saveStationDetails,
  saveStationNotes,
} from '@/app/(portal)/charge-stations/[id]/edit-actions';
import { linkStationToLocation, runCommissioningTest } from '@/app/(portal)/installer/actions';
import { createLocationAction, deleteLocationAction, updateLocationAction } from '@/app/(portal)/locations/actions';
import { deleteTariffAction, replaceTariffAction } from '@/app/(portal)/tariffs/[id]/actions';
import { deleteTenantAction, updateTenantAction } from '@/app/(portal)/tenants/[id]/actions';
import { inviteUser, removeUser, updateAccess, updateProfile } from '@/app/(portal)/users/actions';
import type { FormAction } from '@/lib/actions/define-action';
import { FOCUS_TENANT_COOKIE } from '@/lib/auth/request-context';
import { getDb } from '@/lib/db/client';
import { navigationOutcome, signedIn } from '@/test/portal/next-request';
import { formData, refused, runAction, type FormFields } from '@/test/portal/run-action';
import type { MatrixCase } from './api-cases';
import { leaksIn, TENANT_ROLES, type World } from './world';

/** The version a form would show for a row (a forger may know it): the lookup must refuse before it compares. */
async function versionOf(table: string, id: string): Promise<string> {
  const rows = await getDb().execute<{ version: number }>(sql`select version from ${sql.identifier(table)} where id = ${id}`);
  return String(rows[0]?.version ?? 1);
}

type ActionForgery = {
  name: string;
  action: FormAction;
  /** The form with the forged value `id` (the other tenant's, or one nobody has). */
  fields: (w: World, id: string, version: string) => FormFields;
  theirs: (w: World) => string;
  /** The table of the object whose version the form carries (when the forged id is the target). */
  table?: string;
  missing?: () => string;
};

const location = { name: 'Forged', address: 'Parklaan 12', city: 'Utrecht', country: 'NLD', latitude: '52.09', longitude: '5.12' };
const tariffForm = { name: 'Forged', currency: 'EUR', price_ENERGY: '0.3', offer: 'all' };
const code = () => `NOPE-${randomUUID().slice(0, 8).toUpperCase()}`;

const ACTIONS: ActionForgery[] = [
  // Their object as the target.
  {
    name: 'edit their location',
    action: updateLocationAction,
    table: 'locations',
    theirs: (w) => w.their.location,
    fields: (_w, id, v) => ({ id, version: v, ...location }),
  },
  {
    name: 'delete their location',
    action: deleteLocationAction,
    table: 'locations',
    theirs: (w) => w.their.location,
    fields: (_w, id, v) => ({ id, version: v }),
  },
  {
    name: 'set availability of their station',
    action: setStationAvailability,
    table: 'charge_stations',
    theirs: (w) => w.their.station,
    fields: (_w, id, v) => ({ id, version: v, availability: 'INOPERATIVE' }),
  },
  {
    name: 'set tariffs of their station',
    action: setStationTariffs,
    table: 'charge_stations',
    theirs: (w) => w.their.station,
    fields: (w, id, v) => ({ id, version: v, tariff_ids: [w.sharedTariff] }),
  },
  {
    name: 'link their station to an own location',
    action: linkStation,
    table: 'charge_stations',
    theirs: (w) => w.their.station,
    fields: (w, id, v) => ({ id, version: v, location_id: w.ownLocation }),
  },
  {
    name: 'unlink their station',
    action: unlinkStation,
    table: 'charge_stations',
    theirs: (w) => w.their.station,
    fields: (_w, id, v) => ({ id, version: v }),
  },
  { name: 'reset their station', action: resetStation, theirs: (w) => w.their.station, fields: (_w, id) => ({ id, type: 'SOFT' }) },
  {
    name: 'edit their station’s details',
    action: saveStationDetails,
    table: 'charge_stations',
    theirs: (w) => w.their.station,
    fields: (_w, id, v) => ({ id, version: v, name: 'Forged', charger_type: 'AC' }),
  },
  {
    name: 'edit their station’s remarks',
    action: saveStationNotes,
    table: 'charge_stations',
    theirs: (w) => w.their.station,
    fields: (_w, id, v) => ({ id, version: v, remarks: 'Forged', custom_groups: 'Forged' }),
  },
  {
    name: 'set a configuration key of their station',
    action: saveConfigurationKey,
    table: 'charge_stations',
    theirs: (w) => w.their.station,
    fields: (_w, id, v) => ({ id, version: v, key: 'HeartbeatInterval', value: '60' }),
  },
  {
    name: 'add a maintenance window to their station',
    action: addMaintenanceWindow,
    table: 'charge_stations',
    theirs: (w) => w.their.station,
    fields: (_w, id, v) => ({ id, version: v, starts_at: '2031-01-01T00:00', ends_at: '2031-01-02T00:00' }),
  },
  {
    name: 'remove their station’s maintenance window',
    action: removeMaintenanceWindow,
    table: 'charge_stations',
    theirs: (w) => w.their.station,
    fields: (_w, id, v) => ({ id, version: v, index: '0' }),
  },
  {
    name: 'bulk availability with their station',
    action: bulkUpdateStations,
    theirs: (w) => w.their.station,
    fields: (_w, id) => ({ ids: [id], operation: 'availability', availability: 'INOPERATIVE' }),
  },
  {
    name: 'bulk tariff with their station',
    action: bulkUpdateStations,
    theirs: (w) => w.their.station,
    fields: (w, id) => ({ ids: [id], operation: 'tariff', tariff_id: w.sharedTariff }),
  },
  {
    name: 'bulk group with their station',
    action: bulkUpdateStations,
    theirs: (w) => w.their.station,
    fields: (_w, id) => ({ ids: [id], operation: 'group_add', group: 'Forged' }),
  },
  {
    name: 'installer: link their station to an own location',
    action: linkStationToLocation,
    theirs: (w) => w.their.station,
    fields: (w, id) => ({ id, location_id: w.ownLocation }),
  },
  { name: 'installer: test their station', action: runCommissioningTest, theirs: (w) => w.their.station, fields: (_w, id) => ({ id }) },
  {
    name: 'revoke their API key',
    action: revokeKey,
    table: 'api_keys',
    theirs: (w) => w.their.apiKey,
    fields: (_w, id, v) => ({ id, version: v }),
  },
  {
    name: 'replace their tariff',
    action: replaceTariffAction,
    table: 'tariffs',
    theirs: (w) => w.their.tariff,
    missing: code,
    fields: (_w, id, v) => ({ id, version: v, ...tariffForm }),
  },
  {
    name: 'delete their tariff',
    action: deleteTariffAction,
    table: 'tariffs',
    theirs: (w) => w.their.tariff,
    missing: code,
    fields: (_w, id, v) => ({ id, version: v }),
  },
  {
    name: 'edit their tenant',
    action: updateTenantAction,
    table: 'tenants',
    theirs: (w) => w.their.tenant,
    fields: (_w, id, v) => ({ id, version: v, name: 'Forged', slug: `forged-${randomUUID().slice(0, 6)}`, kind: 'B2B' }),
  },
  {
    name: 'delete their tenant',
    action: deleteTenantAction,
    table: 'tenants',
    theirs: (w) => w.their.tenant,
    fields: (_w, id, v) => ({ id, version: v }),
  },
  {
    name: 'edit their user',
    action: updateProfile,
    table: 'users',
    theirs: (w) => w.their.user,
    fields: (_w, id, v) => ({ id, version: v, name: 'Forged', email: 'forged@example.test' }),
  },
  {
    name: 'edit their user’s access',
    action: updateAccess,
    table: 'users',
    theirs: (w) => w.their.user,
    fields: (w, id, v) => ({ id, version: v, add_tenant: w.own, add_role: 'viewer' }),
  },
  {
    name: 'delete their user',
    action: removeUser,
    table: 'users',
    theirs: (w) => w.their.user,
    fields: (_w, id, v) => ({ id, version: v }),
  },
  // Their ids as forged fields of an own-scope form.
  {
    name: 'create a location with their tenant_id',
    action: createLocationAction,
    theirs: (w) => w.other,
    fields: (_w, id) => ({ ...location, tenant_id: id }),
  },
  {
    name: 'link an own station to their location',
    action: linkStation,
    theirs: (w) => w.their.location,
    fields: (w, id) => ({ id: w.ownStation, version: '999', location_id: id }),
  },
  {
    name: 'installer: link a pool station to their location',
    action: linkStationToLocation,
    theirs: (w) => w.their.location,
    fields: (w, id) => ({ id: w.pool.station, location_id: id }),
  },
  {
    name: 'installer: link an own station to their location',
    action: linkStationToLocation,
    theirs: (w) => w.their.location,
    fields: (w, id) => ({ id: w.ownStation, location_id: id }),
  },
  {
    name: 'assign their tariff to an own station',
    action: setStationTariffs,
    theirs: (w) => w.their.tariff,
    missing: code,
    fields: (w, id) => ({ id: w.ownStation, version: '999', tariff_ids: [id] }),
  },
  {
    name: 'set tariffs on their connector through an own station',
    action: setStationTariffs,
    theirs: (w) => w.their.evse,
    fields: (w, id) => ({ id: w.ownStation, version: '999', tariff_ids: [w.sharedTariff], connector: `${id}/1` }),
  },
  {
    name: 'set availability of their EVSE through an own station',
    action: setStationAvailability,
    theirs: (w) => w.their.evse,
    fields: (w, id) => ({ id: w.ownStation, version: '999', availability: 'OPERATIVE', evse_uid: id }),
  },
  {
    name: 'bulk: assign their tariff to an own station',
    action: bulkUpdateStations,
    theirs: (w) => w.their.tariff,
    missing: code,
    fields: (w, id) => ({ ids: [w.ownStation], operation: 'tariff', tariff_id: id }),
  },
  {
    name: 'invite a user into their tenant',
    action: inviteUser,
    theirs: (w) => w.other,
    fields: (_w, id) => ({ email: `forged-${randomUUID().slice(0, 6)}@example.test`, name: 'Forged', tenant_id: id, role: 'viewer' }),
  },
  {
    name: 'grant an own user a membership in their tenant',
    action: updateAccess,
    theirs: (w) => w.other,
    fields: (w, id) => ({ id: w.holders.viewer.userId, version: '999', [`role:${w.own}`]: 'viewer', add_tenant: id, add_role: 'viewer' }),
  },
  {
    name: 'create an API key for their tenant',
    action: createKey,
    theirs: (w) => w.other,
    fields: (_w, id) => ({ name: 'Forged', role: 'viewer', tenant_id: id }),
  },
];

/** An outcome as text with the forged ids and per-call values (generated names, new ids) blotted out. */
const comparable = (outcome: unknown, ids: string[]) => {
  let text = JSON.stringify(outcome).replace(/forged-\w+/gi, 'forged');
  for (const id of ids) text = text.replaceAll(id, '<id>');
  return text;
};

function forgeryCases(): MatrixCase[] {
  return ACTIONS.flatMap((forgery) =>
    TENANT_ROLES.map((role): MatrixCase => ({
      name: `action: ${forgery.name} as ${role} → refused as for an unknown id, nothing of theirs shown`,
      run: async (world) => {
        const userId = world.holders[role].userId;
        const theirId = forgery.theirs(world);
        const missingId = forgery.missing?.() ?? randomUUID();
        const version = forgery.table ? await versionOf(forgery.table, theirId) : '1';
        const theirs = await runAction(forgery.action, userId, forgery.fields(world, theirId, version));
        const none = await runAction(forgery.action, userId, forgery.fields(world, missingId, version));
        const answer = comparable(theirs, [theirId]);
        expect(answer).toBe(comparable(none, [missingId]));
        expect(refused(theirs), answer).toBe(true);
        expect(leaksIn(answer, world, role), `${forgery.name} leaked`).toEqual([]);
      },
    })),
  );
}

/** The tenant switcher only ever focuses a tenant of the user's own. */
function switcherCases(): MatrixCase[] {
  return TENANT_ROLES.map((role) => ({
    name: `action: switch the portal to their tenant as ${role} → not focused`,
    run: async (world) => {
      const { result } = await signedIn(world.holders[role].userId, async () => {
        try {
          await switchTenant(formData({ tenant: world.other, return_to: '/' }));
        } catch (error) {
          if (!navigationOutcome(error)) throw error;
        }
        const { cookies } = await import('next/headers');
        return (await cookies()).get(FOCUS_TENANT_COOKIE);
      });
      expect(result).toBeUndefined();
    },
  }));
}

export const actionCases = (): MatrixCase[] => [...forgeryCases(), ...switcherCases()];
