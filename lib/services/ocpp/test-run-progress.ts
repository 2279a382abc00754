import { and, eq } from 'drizzle-orm';
import type { Actor } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { chargeStations, stationTestRuns, type RemoteStartOptions, type TestStep } from '@/lib/db/schema';
import type { TestStepName } from '@/lib/domain/vocabulary';
import { recordAudit } from '@/lib/services/shared/audit';
import { writeTransaction } from '@/lib/services/shared/change-order';
import { bumpVersion } from '@/lib/services/charge-stations/station-record';
import { writeStationEvents } from './station-events';

export type TestStepState = TestStep & { name: TestStepName };

/** What the commissioning steps compare the station against. */
export type TestRunSubject = {
  runId: string;
  stationId: string;
  steps: TestStepState[];
  remoteStart: RemoteStartOptions | null;
  record: { vendor: string | null; model: string | null; serialNumber: string | null };
  configuration: Record<string, string>;
};

export async function loadTestRunSubject(runId: string): Promise<TestRunSubject | null> {
  const [row] = await getDb()
    .select({ run: stationTestRuns, station: chargeStations })
    .from(stationTestRuns)
    .innerJoin(chargeStations, eq(chargeStations.id, stationTestRuns.stationId))
    .where(eq(stationTestRuns.id, runId));
  if (!row) return null;
  const { run, station } = row;
  return {
    runId,
    stationId: station.id,
    steps: run.steps as TestStepState[],
    remoteStart: run.remoteStart,
    record: { vendor: station.vendor, model: station.model, serialNumber: station.serialNumber },
    configuration: station.configuration,
  };
}

/** Writes the steps as they are now, so GET .../tests/{run_id} shows progress while the run goes on. */
export async function saveTestRunSteps(runId: string, steps: TestStepState[]): Promise<void> {
  await getDb()
    .update(stationTestRuns)
    .set({ steps })
    .where(and(eq(stationTestRuns.id, runId), eq(stationTestRuns.status, 'RUNNING')));
}

/** `user:<uuid>` / `api_key:<uuid>` back to the actor, so the outcome is audited as the person who asked. */
function actorOf(ref: string): Actor {
  const [kind, id] = ref.split(':');
  return (kind === 'user' || kind === 'api_key') && id ? { kind, id } : { kind: 'system' };
}

/**
 * Ends a run: its steps and status, the station's commissioning_status (TESTED or FAILED, a change
 * of the record: version + 1) and the audit event, in one transaction. A run already ended
 * (by another gateway's timeout sweep) is left as it is.
 */
export async function finishTestRun({ runId, steps }: { runId: string; steps: TestStepState[] }): Promise<'PASSED' | 'FAILED' | null> {
  const status = steps.some((step) => step.status === 'FAILED') ? 'FAILED' : 'PASSED';
  return writeTransaction(async (tx) => {
    const [run] = await tx
      .update(stationTestRuns)
      .set({ status, steps, finishedAt: new Date() })
      .where(and(eq(stationTestRuns.id, runId), eq(stationTestRuns.status, 'RUNNING')))
      .returning();
    if (!run) return null;
    const commissioningStatus = status === 'PASSED' ? ('TESTED' as const) : ('FAILED' as const);
    const [before] = await tx
      .select({ commissioningStatus: chargeStations.commissioningStatus, tenantId: chargeStations.tenantId })
      .from(chargeStations)
      .where(eq(chargeStations.id, run.stationId))
      .for('update');
    await tx
      .update(chargeStations)
      .set({ commissioningStatus, ...bumpVersion })
      .where(eq(chargeStations.id, run.stationId));
    await recordAudit(
      tx,
      { actor: actorOf(run.requestedBy), cpoWide: null, tenants: new Map(), pool: null },
      {
        action: 'charge_station.test_finished',
        entity: 'charge_station',
        entityId: run.stationId,
        tenantId: before!.tenantId,
        before: { commissioning_status: before!.commissioningStatus },
        after: { commissioning_status: commissioningStatus, test_run_id: runId, test_run_status: status },
      },
    );
    await writeStationEvents(tx, 'commissioning.completed', [run.stationId]);
    return status;
  });
}
