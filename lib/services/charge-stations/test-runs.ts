import { and, desc, eq } from 'drizzle-orm';
import { actorRef, requirePermission, type AuthContext } from '@/lib/auth/context';
import { getDb, type Queryable } from '@/lib/db/client';
import { connectors, evses, stationTestRuns, type TestStep } from '@/lib/db/schema';
import { TEST_STEP_NAMES } from '@/lib/domain/vocabulary';
import { AppError, notFound } from '@/lib/errors';
import type { TestRun, TestRunStartInput } from '@/lib/schemas/charge-station';
import { recordAudit } from '@/lib/services/shared/audit';
import { writeTransaction } from '@/lib/services/shared/change-order';
import { isUuid } from '@/lib/domain/ids';
import { getStationRowOrThrow } from './station-record';

const toTestRun = (run: typeof stationTestRuns.$inferSelect): TestRun => ({
  id: run.id,
  station_id: run.stationId,
  status: run.status,
  steps: run.steps.map((step) => ({
    name: step.name as TestRun['steps'][number]['name'],
    status: step.status as TestRun['steps'][number]['status'],
    detail: step.detail ?? null,
    started_at: step.started_at ?? null,
    finished_at: step.finished_at ?? null,
  })),
  started_at: run.startedAt.toISOString(),
  finished_at: run.finishedAt?.toISOString() ?? null,
});

/** 422 unless the connector named for the remote start/stop step is one of the station's. */
async function assertConnectorOfStation(
  db: Queryable,
  stationId: string,
  { evse_uid, connector_id }: { evse_uid: string; connector_id: string },
) {
  const [evse] = await db
    .select({ uid: evses.uid })
    .from(evses)
    .where(and(eq(evses.uid, evse_uid), eq(evses.stationId, stationId)));
  const invalid = (path: string, message: string) =>
    new AppError('validation', 'The request body is invalid.', { errors: [{ path, message }] });
  if (!evse) throw invalid('/remote_start/evse_uid', 'no EVSE with this uid on this station');
  const [connector] = await db
    .select({ id: connectors.id })
    .from(connectors)
    .where(and(eq(connectors.evseUid, evse_uid), eq(connectors.id, connector_id)));
  if (!connector) throw invalid('/remote_start/connector_id', 'no connector with this id on this EVSE');
}

/**
 * POST /api/v2/charge-stations/{id}/tests: writes a RUNNING run with every step PENDING (the
 * remote start/stop step only when asked) and answers at once. The gateway holding the station
 * runs the steps and records the outcome, `commissioning_status` included.
 */
export async function startTestRun({ ctx, id, input = {} }: { ctx: AuthContext; id: string; input?: TestRunStartInput }): Promise<TestRun> {
  return writeTransaction(async (tx) => {
    const row = await getStationRowOrThrow(tx, ctx, id, { forUpdate: true });
    requirePermission(ctx, 'station:test', row.tenantId);
    if (input.remote_start) await assertConnectorOfStation(tx, id, input.remote_start);
    const steps: TestStep[] = TEST_STEP_NAMES.map((name) =>
      name === 'remote_start_stop' && !input.remote_start
        ? { name, status: 'SKIPPED', detail: 'not requested', started_at: null, finished_at: null }
        : { name, status: 'PENDING', detail: null, started_at: null, finished_at: null },
    );
    const [run] = await tx
      .insert(stationTestRuns)
      .values({ stationId: id, status: 'RUNNING', steps, requestedBy: actorRef(ctx.actor), remoteStart: input.remote_start ?? null })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'charge_station.test_started',
      entity: 'charge_station',
      entityId: id,
      tenantId: row.tenantId,
      after: { test_run_id: run!.id, ...(input.remote_start ? { remote_start: input.remote_start } : {}) },
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
