import { requirePermission } from '@/lib/auth/context';
import { hashPassword } from '@/lib/auth/password';
import type { Tx } from '@/lib/db/client';
import { chargeStations } from '@/lib/db/schema';
import { AppError, type FieldError } from '@/lib/errors';
import { chargeStationReplaceSchema, type ChargeStation } from '@/lib/schemas/charge-station';
import { parseOrThrow } from '@/lib/schemas/parse';
import { requireWriteOrMaintenance } from '@/lib/services/shared/maintenance-permission';
import { stripReadOnly } from '@/lib/services/shared/merge-patch';
import { versionedUpdate, type UpdateVerbArgs } from '@/lib/services/shared/versioned-update';
import {
  assembleStations,
  loadEvseTree,
  loadStationGroups,
  lockStation,
  stationColumns,
  writableStation,
  type LockedStation,
} from './station-record';
import { planConfigurationSync, queueConfigurationSync } from './configuration-sync';
import { assertTariffsOffered, tariffReferences, writeEvses, writeStationGroups } from './station-writes';

/** Fields a PUT/PATCH may echo but never change: each has its own endpoint, or the station reports it. */
export const STATION_READ_ONLY = [
  'id',
  'tenant_id',
  'location_id',
  'ocpp_id',
  'version',
  'created_at',
  'updated_at',
  'status',
  'availability',
  'availability_sync',
  'configuration_sync',
  'reported_configuration_at',
  'connected',
  'connected_at',
  'last_heartbeat_at',
  'last_boot_at',
  'registration',
  'iccid',
  'imsi',
  'firmware_status',
  'diagnostics_status',
  'commissioning_status',
  'template_id',
] as const;
const EVSE_READ_ONLY = ['status', 'availability', 'availability_sync'] as const;
const CONNECTOR_READ_ONLY = ['reported_status', 'reported_error_code'] as const;

type Body = Record<string, unknown>;

const isBody = (value: unknown): value is Body => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Removes echoed read-only EVSE fields (status, availability, availability_sync) and connector
 * fields (the last OCPP report); 422 where they would change.
 */
function stripEvseReadOnly(changes: Body, { current }: LockedStation): Body {
  if (!Array.isArray(changes.evses)) return changes;
  const errors: FieldError[] = [];
  const strip = (body: Body, existing: Body, readOnly: readonly string[], path: string) => {
    try {
      return stripReadOnly(body, existing, readOnly);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      errors.push(...(error.extra.errors ?? []).map((e) => ({ ...e, path: `${path}${e.path}` })));
      return body;
    }
  };
  const evses = changes.evses.map((evse, i) => {
    if (!isBody(evse)) return evse;
    const existing = current.evses.find((e) => e.uid === evse.uid);
    const stripped = strip(evse, existing ?? {}, EVSE_READ_ONLY, `/evses/${i}`);
    if (!Array.isArray(stripped.connectors)) return stripped;
    const connectors = stripped.connectors.map((connector, j) => {
      if (!isBody(connector)) return connector;
      const stored = existing?.connectors.find((c) => c.id === connector.id);
      return strip(connector, stored ?? {}, CONNECTOR_READ_ONLY, `/evses/${i}/connectors/${j}`);
    });
    return { ...stripped, connectors };
  });
  if (errors.length) throw new AppError('validation', 'The request changes read-only fields.', { errors });
  return { ...changes, evses };
}

/** A comparable picture of every connector's tariff codes. */
const tariffMap = (evseList: { uid?: string; connectors: { id: string; tariff_ids?: string[] }[] }[]) =>
  JSON.stringify(evseList.map((e) => [e.uid ?? null, e.connectors.map((c) => [c.id, c.tariff_ids ?? []])]));

/**
 * The station update every verb that changes writable fields goes through; `body` may be derived
 * from the locked station (verbs that edit one part of it, e.g. a maintenance window).
 */
export function stationUpdate(args: Omit<UpdateVerbArgs, 'body'> & { body: Body | ((current: ChargeStation) => Body) }) {
  const { ctx, id, mode } = args;
  return versionedUpdate({
    ...args,
    noun: 'charge station',
    lock: (tx: Tx) => lockStation(tx, ctx, id),
    authorize: ({ current }, sent) =>
      requireWriteOrMaintenance(ctx, current.tenant_id, { write: 'station:write', field: 'maintenance_windows' }, sent, mode),
    readOnly: STATION_READ_ONLY,
    writeOnly: ['ocpp_password'],
    stripNested: stripEvseReadOnly,
    writable: writableStation,
    schema: chargeStationReplaceSchema,
    check: async ({ tx, locked: { current }, input, writeOnly }) => {
      const evseInputs = input.evses ?? [];
      if (tariffMap(evseInputs) !== tariffMap(writableStation(current).evses ?? [])) {
        requirePermission(ctx, 'station:tariff', current.tenant_id);
        await assertTariffsOffered(tx, current.tenant_id, tariffReferences(evseInputs));
      }
      if ('ocpp_password' in writeOnly) parseOrThrow(chargeStationReplaceSchema.pick({ ocpp_password: true }), writeOnly);
      return planConfigurationSync(current, input.configuration ?? {});
    },
    table: chargeStations,
    columns: async ({ input, writeOnly: { ocpp_password } }, configurationPlan) => ({
      ...stationColumns(input),
      configurationSync: configurationPlan.configurationSync,
      ...(typeof ocpp_password === 'string' ? { ocppPasswordHash: await hashPassword(ocpp_password) } : {}),
    }),
    finish: async ({ tx, locked: { current, tree, groups }, input }, row, configurationPlan) => {
      await queueConfigurationSync(tx, ctx, id, configurationPlan.keys);
      const evsesChanged = await writeEvses(tx, id, input.evses ?? [], tree);
      const groupsChanged = await writeStationGroups(tx, current.tenant_id, id, current.custom_groups, input.custom_groups ?? []);
      const [updated] = assembleStations(
        [row],
        evsesChanged ? await loadEvseTree(tx, [id]) : tree,
        groupsChanged ? await loadStationGroups(tx, [id]) : groups,
      );
      return updated!;
    },
    audit: {
      action: 'charge_station.updated',
      entity: 'charge_station',
      tenantId: ({ locked }) => locked.current.tenant_id,
      // The password itself never reaches the audit log; only the fact that it was sent.
      after: (updated, { writeOnly }) => ({ ...updated, ...('ocpp_password' in writeOnly ? { ocpp_password: '(changed)' } : {}) }),
    },
  });
}

/** PUT / PATCH /api/v2/charge-stations/{id}. */
export function updateChargeStation(args: UpdateVerbArgs): Promise<ChargeStation> {
  return stationUpdate(args);
}
