import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import type { TestStep } from '@/lib/db/schema';
import { finishTestRun, type TestStepState } from './test-run-progress';

/** How long a new run waits for its station to be connected before `connected` fails. */
export const CONNECT_TIMEOUT_MS = 10_000;
/** A gateway silent this long is gone (docs/OCPP.md#gateways); its runs cannot finish. */
const GATEWAY_DEAD_MS = 30_000;

const NOT_CONNECTED =
  'The station has not connected to the central system. Check that it is powered, has network (SIM or cable), ' +
  'and that its central system URL ends in /ocpp/<its OCPP id>; then run the test again.';
const GATEWAY_LOST = 'The connection to the station was lost during the test. Check its network, then run the test again.';

/**
 * Any gateway ends the runs nobody can carry out: a station that did not connect within
 * CONNECT_TIMEOUT_MS of the request, or a run whose gateway stopped mid-way. The step in progress
 * fails, the rest are skipped.
 */
export async function failUnreachableTestRuns(): Promise<number> {
  const rows = await getDb().execute<{ id: string; steps: TestStep[]; claimed: boolean }>(sql`
    select r.id, r.steps, r.gateway_id is not null as claimed
    from station_test_runs r
    join charge_stations s on s.id = r.station_id
    left join ocpp_gateways g on g.id = r.gateway_id
    where r.status = 'RUNNING'
      and ((r.gateway_id is null and not s.connected
            and r.started_at < clock_timestamp() - make_interval(secs => ${CONNECT_TIMEOUT_MS / 1000}))
        or (r.gateway_id is not null
            and (g.id is null or g.seen_at < clock_timestamp() - make_interval(secs => ${GATEWAY_DEAD_MS / 1000}))))`);
  const now = new Date().toISOString();
  for (const row of rows) {
    let failed = false;
    const steps = (row.steps as TestStepState[]).map((step): TestStepState => {
      if (step.status !== 'PENDING' && step.status !== 'RUNNING') return step;
      if (failed) return { ...step, status: 'SKIPPED', detail: 'not run: an earlier step failed' };
      failed = true;
      return {
        ...step,
        status: 'FAILED',
        detail: row.claimed ? GATEWAY_LOST : NOT_CONNECTED,
        started_at: step.started_at ?? now,
        finished_at: now,
      };
    });
    await finishTestRun({ runId: row.id, steps });
  }
  return rows.length;
}
