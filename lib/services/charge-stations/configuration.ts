import { eq } from 'drizzle-orm';
import { requirePermission, type AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { chargeStations } from '@/lib/db/schema';
import { chargeStationReplaceSchema } from '@/lib/schemas/charge-station';
import { parseOrThrow } from '@/lib/schemas/parse';
import { recordAudit } from '@/lib/services/shared/audit';
import { writeTransaction } from '@/lib/services/shared/change-order';
import { assertVersion } from '@/lib/services/shared/if-match';
import { applyMergePatch } from '@/lib/services/shared/merge-patch';
import { bumpVersion, getStationRowOrThrow } from './station-record';

export type StationConfiguration = { id: string; configuration: Record<string, string>; version: number };

/** GET /api/v2/charge-stations/{id}/configuration: the desired OCPP configuration keys. */
export async function getConfiguration({ ctx, id }: { ctx: AuthContext; id: string }): Promise<StationConfiguration> {
  const row = await getStationRowOrThrow(getDb(), ctx, id);
  return { id: row.id, configuration: row.configuration, version: row.version };
}

/** PATCH /api/v2/charge-stations/{id}/configuration: merge patch of the key map (null removes a key). */
export async function updateConfiguration({
  ctx,
  id,
  patch,
  expectedVersion,
}: {
  ctx: AuthContext;
  id: string;
  patch: Record<string, unknown>;
  expectedVersion?: number;
}): Promise<StationConfiguration> {
  return writeTransaction(async (tx) => {
    const row = await getStationRowOrThrow(tx, ctx, id, { forUpdate: true });
    requirePermission(ctx, 'station:write', row.tenantId);
    assertVersion('charge station', row.version, expectedVersion);
    const { configuration } = parseOrThrow(chargeStationReplaceSchema.pick({ configuration: true }).required(), {
      configuration: applyMergePatch(row.configuration, patch),
    });
    const [updated] = await tx
      .update(chargeStations)
      .set({ configuration, ...bumpVersion })
      .where(eq(chargeStations.id, id))
      .returning({ version: chargeStations.version });
    await recordAudit(tx, ctx, {
      action: 'charge_station.updated',
      entity: 'charge_station',
      entityId: id,
      tenantId: row.tenantId,
      before: { configuration: row.configuration },
      after: { configuration },
    });
    return { id, configuration, version: updated!.version };
  });
}
