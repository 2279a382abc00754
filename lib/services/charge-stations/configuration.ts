import { eq } from 'drizzle-orm';
import { requirePermission, type AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { chargeStations, type ChargeStationRow } from '@/lib/db/schema';
import { chargeStationReplaceSchema, type StationConfiguration } from '@/lib/schemas/charge-station';
import { parseOrThrow } from '@/lib/schemas/parse';
import { recordAudit } from '@/lib/services/shared/audit';
import { writeTransaction } from '@/lib/services/shared/change-order';
import { assertVersion } from '@/lib/services/shared/if-match';
import { applyMergePatch } from '@/lib/services/shared/merge-patch';
import { planConfigurationSync, queueConfigurationSync } from './configuration-sync';
import { bumpVersion, getStationRowOrThrow } from './station-record';

type ConfigurationRow = Pick<
  ChargeStationRow,
  'id' | 'configuration' | 'configurationSync' | 'reportedConfiguration' | 'reportedConfigurationAt' | 'version'
>;

/** Desired vs reported, key by key: every key either side has, in key order. */
export function toStationConfiguration(row: ConfigurationRow): StationConfiguration {
  const reported = row.reportedConfiguration;
  const names = [...new Set([...Object.keys(row.configuration), ...Object.keys(reported ?? {})])].sort();
  return {
    id: row.id,
    configuration: row.configuration,
    version: row.version,
    reported_configuration: reported,
    reported_configuration_at: row.reportedConfigurationAt?.toISOString() ?? null,
    keys: names.map((key) => {
      const desired = row.configuration[key] ?? null;
      const reportedValue = reported?.[key]?.value ?? null;
      return {
        key,
        desired,
        reported: reportedValue,
        sync: desired === null ? null : (row.configurationSync[key] ?? null),
        drift: desired !== null && reported !== null && reportedValue !== desired,
      };
    }),
  };
}

/** GET /api/v2/charge-stations/{id}/configuration: the desired keys, what the station reported, and the drift between them. */
export async function getConfiguration({ ctx, id }: { ctx: AuthContext; id: string }): Promise<StationConfiguration> {
  return toStationConfiguration(await getStationRowOrThrow(getDb(), ctx, id));
}

/**
 * PATCH /api/v2/charge-stations/{id}/configuration: merge patch of the key map (null removes a
 * key). Changed and added keys go to the station in one `sync_configuration` command, written with
 * the change and its audit event.
 */
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
    const plan = planConfigurationSync(
      { configuration: row.configuration, configuration_sync: row.configurationSync, connected: row.connected },
      configuration,
    );
    const [updated] = await tx
      .update(chargeStations)
      .set({ configuration, configurationSync: plan.configurationSync, ...bumpVersion })
      .where(eq(chargeStations.id, id))
      .returning();
    await queueConfigurationSync(tx, ctx, id, plan.keys);
    await recordAudit(tx, ctx, {
      action: 'charge_station.updated',
      entity: 'charge_station',
      entityId: id,
      tenantId: row.tenantId,
      before: { configuration: row.configuration },
      after: { configuration },
    });
    return toStationConfiguration(updated!);
  });
}
