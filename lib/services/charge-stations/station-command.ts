import { eq } from 'drizzle-orm';
import { requirePermission, type AuthContext } from '@/lib/auth/context';
import type { Permission } from '@/lib/auth/permissions';
import type { Tx } from '@/lib/db/client';
import { chargeStations, type ChargeStationRow, type NewChargeStationRow } from '@/lib/db/schema';
import type { ChargeStation } from '@/lib/schemas/charge-station';
import { recordAudit } from '@/lib/services/shared/audit';
import { writeTransaction } from '@/lib/services/shared/change-order';
import { assertVersion } from '@/lib/services/shared/if-match';
import { bumpVersion, getStationRowOrThrow, reloadStation, toChargeStation } from './station-record';

/** What a verb on one existing station is called with. */
export type StationVerbArgs<Input = undefined> = {
  ctx: AuthContext;
  id: string;
  expectedVersion?: number;
} & (Input extends undefined ? { input?: undefined } : { input: Input });

type AuditEntry = { tenantId: string | null; before: ChargeStation | null; after: ChargeStation | null };

type StationCommand = {
  ctx: AuthContext;
  id: string;
  expectedVersion?: number;
  /** Needed on the station (the pool counts as a place of its own). */
  permission: Permission;
  action: `charge_station.${string}`;
  /** The operation's own writes; the station columns it returns are set together with the version bump. */
  apply: (tx: Tx, row: ChargeStationRow, before: ChargeStation) => Promise<Partial<NewChargeStationRow> | void>;
  /** Audit events to write; by default one in the station's tenant. */
  audit?: (row: ChargeStationRow, before: ChargeStation, after: ChargeStation) => AuditEntry[];
};

/**
 * The steps the station operations (availability, tariffs, link, unlink) share, in the order the
 * API promises: the scoped lookup with the row locked (404), the permission (403), If-Match (412);
 * then the operation's writes, `version + 1`, the reload and the audit event, in one transaction.
 */
export function runStationCommand({ ctx, id, expectedVersion, permission, action, apply, audit }: StationCommand): Promise<ChargeStation> {
  return writeTransaction(async (tx) => {
    const row = await getStationRowOrThrow(tx, ctx, id, { forUpdate: true });
    requirePermission(ctx, permission, row.tenantId);
    assertVersion('charge station', row.version, expectedVersion);
    const before = await toChargeStation(tx, row);
    const columns = await apply(tx, row, before);
    await tx
      .update(chargeStations)
      .set({ ...columns, ...bumpVersion })
      .where(eq(chargeStations.id, id));
    const after = await reloadStation(tx, id);
    const entries = audit?.(row, before, after) ?? [{ tenantId: row.tenantId, before, after }];
    for (const entry of entries) await recordAudit(tx, ctx, { action, entity: 'charge_station', entityId: id, ...entry });
    return after;
  });
}
