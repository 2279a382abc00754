import { eq } from 'drizzle-orm';
import { can, requirePermission, type AuthContext } from '@/lib/auth/context';
import { hashPassword } from '@/lib/auth/password';
import { chargeStations } from '@/lib/db/schema';
import { AppError, type FieldError } from '@/lib/errors';
import { chargeStationReplaceSchema, type ChargeStation } from '@/lib/schemas/charge-station';
import { parseOrThrow } from '@/lib/schemas/parse';
import { recordAudit } from '@/lib/services/shared/audit';
import { writeTransaction } from '@/lib/services/shared/change-order';
import { assertVersion } from '@/lib/services/shared/if-match';
import { applyMergePatch, stripReadOnly } from '@/lib/services/shared/merge-patch';
import { bumpVersion, getStationRowOrThrow, reloadStation, stationColumns, toChargeStation, writableStation } from './station-record';
import { assertTariffsOffered, setStationGroups, tariffReferences, writeEvses } from './station-writes';

/** Fields a PUT/PATCH may echo but never change (SPEC section 3). */
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
  'connected',
  'last_heartbeat_at',
  'commissioning_status',
  'template_id',
] as const;
const EVSE_READ_ONLY = ['status', 'availability'] as const;

type Args = {
  ctx: AuthContext;
  id: string;
  body: Record<string, unknown>;
  mode: 'replace' | 'merge';
  expectedVersion?: number;
};

/** Removes echoed read-only EVSE fields (status, availability); 422 where they would change. */
function stripEvseReadOnly(evsesBody: unknown, current: ChargeStation): unknown {
  if (!Array.isArray(evsesBody)) return evsesBody;
  const errors: FieldError[] = [];
  const stripped = evsesBody.map((evse, i) => {
    if (typeof evse !== 'object' || evse === null) return evse;
    const existing = current.evses.find((e) => e.uid === (evse as { uid?: unknown }).uid);
    try {
      return stripReadOnly(evse as Record<string, unknown>, existing ?? {}, EVSE_READ_ONLY);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      errors.push(...(error.extra.errors ?? []).map((e) => ({ ...e, path: `/evses/${i}${e.path}` })));
      return evse;
    }
  });
  if (errors.length) throw new AppError('validation', 'The request changes read-only fields.', { errors });
  return stripped;
}

/** A comparable picture of every connector's tariff codes. */
const tariffMap = (evseList: { uid?: string; connectors: { id: string; tariff_ids?: string[] }[] }[]) =>
  JSON.stringify(evseList.map((e) => [e.uid ?? null, e.connectors.map((c) => [c.id, c.tariff_ids ?? []])]));

/** PUT / PATCH /api/v2/charge-stations/{id}. */
export async function updateChargeStation({ ctx, id, body, mode, expectedVersion }: Args): Promise<ChargeStation> {
  return writeTransaction(async (tx) => {
    const row = await getStationRowOrThrow(tx, ctx, id, { forUpdate: true });
    const current = await toChargeStation(tx, row);
    const tenantId = current.tenant_id;

    // station:maintenance alone may PATCH nothing but maintenance_windows (SPEC section 1).
    const keys = Object.keys(body);
    const maintenanceOnly = mode === 'merge' && keys.length > 0 && keys.every((k) => k === 'maintenance_windows');
    if (!(maintenanceOnly && can(ctx, 'station:maintenance', tenantId))) requirePermission(ctx, 'station:write', tenantId);
    assertVersion('charge station', current.version, expectedVersion);

    const { ocpp_password, ...changes } = stripReadOnly(body, current, STATION_READ_ONLY);
    if ('evses' in changes) changes.evses = stripEvseReadOnly(changes.evses, current);
    const next = mode === 'merge' ? applyMergePatch(writableStation(current), changes) : changes;
    const input = parseOrThrow(chargeStationReplaceSchema, next);
    const evseInputs = input.evses ?? [];
    if (tariffMap(evseInputs) !== tariffMap(writableStation(current).evses ?? [])) {
      requirePermission(ctx, 'station:tariff', tenantId);
      await assertTariffsOffered(tx, tenantId, tariffReferences(evseInputs));
    }
    if (ocpp_password !== undefined) parseOrThrow(chargeStationReplaceSchema.pick({ ocpp_password: true }), { ocpp_password });

    await tx
      .update(chargeStations)
      .set({
        ...stationColumns(input),
        ...(typeof ocpp_password === 'string' ? { ocppPasswordHash: await hashPassword(ocpp_password) } : {}),
        ...bumpVersion,
      })
      .where(eq(chargeStations.id, id));
    await writeEvses(
      tx,
      id,
      evseInputs,
      current.evses.map((e) => e.uid),
    );
    await setStationGroups(tx, tenantId, id, input.custom_groups ?? []);
    const updated = await reloadStation(tx, id);
    await recordAudit(tx, ctx, {
      action: 'charge_station.updated',
      entity: 'charge_station',
      entityId: id,
      tenantId,
      before: current,
      after: { ...updated, ...(ocpp_password !== undefined ? { ocpp_password: '(changed)' } : {}) },
    });
    return updated;
  });
}
