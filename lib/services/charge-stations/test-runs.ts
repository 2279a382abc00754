import { and, desc, eq } from 'drizzle-orm';
import { actorRef, requirePermission, type AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { chargeStations, stationTestRuns, type TestStep } from '@/lib/db/schema';
import { notFound } from '@/lib/errors';
import type { TestRun } from '@/lib/schemas/charge-station';
import { recordAudit } from '@/lib/services/shared/audit';
import { writeTransaction } from '@/lib/services/shared/change-order';
import { isUuid } from '@/lib/domain/ids';
import { bumpVersion, getStationRowOrThrow } from './station-record';

/** The commissioning checks, in the order a station is brought up: connection, boot, heartbeat, connectors, configuration, a charge. */
const STEPS = ['connected', 'boot_accepted', 'heartbeat', 'connector_status', 'configuration', 'remote_start_stop'] as const;

const toTestRun = (run: typeof stationTestRuns.$inferSelect): TestRun => ({
  id: run.id,
  station_id: run.stationId,
  status: run.status,
  steps: run.steps as TestRun['steps'],
  started_at: run.startedAt.toISOString(),
  finished_at: run.finishedAt?.toISOString() ?? null,
});

/**
 * POST /api/v2/charge-stations/{id}/tests: records a commissioning test run. Without an OCPP
 * connection the first check fails at once and the rest are skipped.
 */
export async function startTestRun({ ctx, id }: { ctx: AuthContext; id: string }): Promise<TestRun> {
  return writeTransaction(async (tx) => {
    const row = await getStationRowOrThrow(tx, ctx, id, { forUpdate: true });
    requirePermission(ctx, 'station:test', row.tenantId);
    const steps: TestStep[] = STEPS.map((name, i) =>
      i === 0
        ? { name, status: 'FAILED', detail: 'station has not connected' }
        : { name, status: 'SKIPPED', detail: 'needs a connected station' },
    );
    const [run] = await tx
      .insert(stationTestRuns)
      .values({ stationId: id, status: 'FAILED', steps, requestedBy: actorRef(ctx.actor), finishedAt: new Date() })
      .returning();
    await tx
      .update(chargeStations)
      .set({ commissioningStatus: 'FAILED', ...bumpVersion })
      .where(eq(chargeStations.id, id));
    await recordAudit(tx, ctx, {
      action: 'charge_station.test_started',
      entity: 'charge_station',
      entityId: id,
      tenantId: row.tenantId,
      before: { commissioning_status: row.commissioningStatus },
      after: { commissioning_status: 'FAILED', test_run_id: run!.id },
    });
    return toTestRun(run!);
  });
}

/** GET /api/v2/charge-stations/{id}/tests/{run_id}. */
export async function getTestRun({ ctx, id, runId }: { ctx: AuthContext; id: string; runId: string }): Promise<TestRun> {
  await getStationRowOrThrow(getDb(), ctx, id);
  if (!isUuid(runId)) throw notFound('Test run');
  const [run] = await getDb()
    .select()
    .from(stationTestRuns)
    .where(and(eq(stationTestRuns.id, runId), eq(stationTestRuns.stationId, id)));
  if (!run) throw notFound('Test run');
  return toTestRun(run);
}

/** The most recent commissioning run of a station, or null (for the installer view). */
export async function getLatestTestRun({ ctx, id }: { ctx: AuthContext; id: string }): Promise<TestRun | null> {
  await getStationRowOrThrow(getDb(), ctx, id);
  const [run] = await getDb()
    .select()
    .from(stationTestRuns)
    .where(eq(stationTestRuns.stationId, id))
    .orderBy(desc(stationTestRuns.startedAt))
    .limit(1);
  return run ? toTestRun(run) : null;
}
