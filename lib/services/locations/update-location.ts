import type { Tx } from '@/lib/db/client';
import { locations } from '@/lib/db/schema';
import { locationReplaceSchema, type Location } from '@/lib/schemas/location';
import { requireWriteOrMaintenance } from '@/lib/services/shared/maintenance-permission';
import { versionedUpdate, type UpdateVerbArgs } from '@/lib/services/shared/versioned-update';
import { getLocationOrThrow, locationColumns, toLocation, writableLocation } from './location-record';
import { asExternalIdClash, assertExternalIdFree, writeLocationGroups } from './location-writes';

/** Fields a PUT/PATCH may echo but never change: the server keeps them. */
export const LOCATION_READ_ONLY = ['id', 'tenant_id', 'version', 'created_at', 'updated_at', 'stations_count', 'evses_count'] as const;

/** PUT / PATCH /api/v2/locations/{id}. */
export function updateLocation(args: UpdateVerbArgs): Promise<Location> {
  const { ctx, id, mode } = args;
  return versionedUpdate({
    ...args,
    noun: 'location',
    lock: async (tx: Tx) => {
      const record = await getLocationOrThrow(tx, ctx, id, { forUpdate: true });
      return { record, current: toLocation(record) };
    },
    authorize: ({ current }, sent) =>
      requireWriteOrMaintenance(ctx, current.tenant_id, { write: 'location:write', field: 'maintenance' }, sent, mode),
    readOnly: LOCATION_READ_ONLY,
    writable: writableLocation,
    schema: locationReplaceSchema,
    unique: {
      assertFree: ({ tx, locked, input }) => assertExternalIdFree(tx, locked.current.tenant_id, input.external_id, id),
      asClash: (error, { locked, input }) =>
        asExternalIdClash(error, { tenantId: locked.current.tenant_id, externalId: input.external_id, selfId: id }),
    },
    table: locations,
    columns: ({ input }) => locationColumns(input),
    finish: async ({ tx, locked: { record, current }, input }, row) => {
      const groupsChanged = await writeLocationGroups(tx, current.tenant_id, id, current.custom_groups, input.custom_groups ?? []);
      // Station and EVSE counts do not move when the location itself is edited.
      return toLocation(groupsChanged ? await getLocationOrThrow(tx, ctx, id) : { ...record, row });
    },
    audit: { action: 'location.updated', entity: 'location', tenantId: ({ locked }) => locked.current.tenant_id },
  });
}
