// Delivers the queued station_commands of the stations this gateway holds (docs/OCPP.md#commands):
// woken by NOTIFY, and polling so a lost notification only delays a command. One call in flight per
// station: an in-memory busy flag here, and the claim itself refuses while a command is SENT.

import {
  claimStationCommand,
  claimTestRuns,
  completeStationCommand,
  confirmAvailability,
  expireStationCommands,
  failLostStationCommands,
  failUnreachableTestRuns,
  listenStationCommands,
  listStationsWithQueuedCommands,
  reconcileStationSync,
  releaseTestRun,
  requeueUnsentStationCommands,
} from '@/lib/services/ocpp';
import { databaseFault } from '@/lib/services/faults';
import type { Dispatcher, DispatcherFactory } from './adapter';
import { runCommand } from './commands';
import { runCommissioning } from './commissioning';
import { logFailure, untilStored } from './faults';

/** Stations whose reconciliation or command is being worked on at the same time. */
const MAX_STATIONS_AT_ONCE = 64;

/** Runs at most `size` tasks at once, the rest in arrival order. */
function limiter(size: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (active >= size) await new Promise<void>((resolve) => waiting.push(resolve));
      active += 1;
      try {
        return await task();
      } finally {
        active -= 1;
        waiting.shift()?.();
      }
    },
  };
}

/** The interface the gateway calls (declared beside the other gateway ⇄ adapter types). */
export type { Dispatcher };

export function createDispatcher(o: Parameters<DispatcherFactory>[0]): Dispatcher {
  const { gatewayId } = o;
  /** The running delivery loop of each station. */
  const running = new Map<string, Promise<void>>();
  /** Stations woken while their loop ran: it looks again before it ends. */
  const wokenAgain = new Set<string>();
  /** Stations with an availability sent by this gateway that a status report may still confirm. */
  const awaitingConfirmation = new Set<string>();
  /** Connect and boot work (lost commands, reconciliation) per station, in order, before delivery. */
  const preparing = new Map<string, Promise<void>>();
  /** Commissioning runs in progress on this gateway's sessions. */
  const testRuns = new Set<Promise<void>>();
  /**
   * Stations whose connect was announced (stationConnected) and not ended since. Delivery starts
   * only for them, so it always waits for the connect-time work: a NOTIFY or poll that came
   * between the claim of the socket and the announcement would otherwise send a command that
   * the connect-time work then fails as lost.
   */
  const announced = new Set<string>();
  /** Stations whose delivery failed on the database: a claim may have committed without its answer. */
  const unsure = new Set<string>();
  // When thousands of stations connect at once, each has its reconciliation and commands to go
  // through: a bounded number at a time keeps the queue in the database, not in memory.
  const slots = limiter(MAX_STATIONS_AT_ONCE);
  let stopped = true;
  let pollTimer: NodeJS.Timeout | undefined;
  let polling: Promise<void> | undefined;
  let unlisten: (() => Promise<void>) | undefined;

  const report = (what: string, stationId: string | null) => (error: unknown) =>
    logFailure(`ocpp dispatcher: ${what} failed for station ${stationId ?? '(unknown)'}`, error);

  /** Kept trying while the database is away; given up when the dispatcher stops (the command is then failed as lost on reconnect). */
  const untilDone = <T>(work: () => Promise<T>) => untilStored(work, () => stopped);

  const openSession = (stationId: string) => {
    const session = o.sessions().get(stationId);
    return session?.isOpen() ? session : undefined;
  };

  /** Applies what the reports confirm; stops listening for the station once nothing waits. */
  async function confirmAwaited(stationId: string): Promise<void> {
    const confirmed = await confirmAvailability({ stationId }).catch(report('availability confirmation', stationId));
    if (confirmed && !confirmed.awaiting) awaitingConfirmation.delete(stationId);
  }

  async function deliver(stationId: string): Promise<void> {
    await preparing.get(stationId);
    if (unsure.has(stationId)) {
      await requeueUnsentStationCommands({ gatewayId, stationId });
      unsure.delete(stationId);
    }
    while (!stopped) {
      const session = openSession(stationId);
      if (!session) return;
      wokenAgain.delete(stationId);
      const delivered = await slots.run(async () => {
        const command = await claimStationCommand({ gatewayId, stationId, accepted: session.accepted });
        if (!command) return false;
        const { afterwards, ...outcome } = await runCommand(session, command);
        if ((await untilDone(() => completeStationCommand({ id: command.id, outcome }))) && afterwards) await afterwards();
        if (command.kind === 'sync_availability') {
          // A report stored while the answer was being stored found nothing waiting: look now that
          // the answer is in, and keep listening to later reports until one confirms it.
          awaitingConfirmation.add(stationId);
          await confirmAwaited(stationId);
        }
        return true;
      });
      if (!delivered && !wokenAgain.has(stationId)) return;
    }
  }

  function wake(stationId: string): void {
    if (stopped || !announced.has(stationId) || !openSession(stationId)) return;
    if (running.has(stationId)) {
      wokenAgain.add(stationId);
      return;
    }
    const loop = deliver(stationId)
      .catch((error) => {
        if (databaseFault(error)) unsure.add(stationId);
        report('delivery', stationId)(error);
      })
      .finally(() => {
        running.delete(stationId);
        // Woken between the loop's last look and its end.
        if (wokenAgain.delete(stationId)) wake(stationId);
      });
    running.set(stationId, loop);
  }

  /** Chains `work` after the station's earlier connect/boot work, then looks for its commands. */
  function prepare(stationId: string, work: () => Promise<unknown>): void {
    const previous = preparing.get(stationId) ?? Promise.resolve();
    const next = previous.then(() => slots.run(async () => void (await untilDone(work)))).catch(report('reconciliation', stationId));
    preparing.set(stationId, next);
    void next.finally(() => {
      if (preparing.get(stationId) === next) preparing.delete(stationId);
      wake(stationId);
    });
  }

  function runTest(runId: string, stationId: string): void {
    const session = openSession(stationId);
    if (!session) {
      void releaseTestRun({ runId, gatewayId }).catch(report('test run release', stationId));
      return;
    }
    const run = runCommissioning(session, runId)
      .catch(report('test run', stationId))
      .finally(() => testRuns.delete(run));
    testRuns.add(run);
  }

  async function poll(): Promise<void> {
    await expireStationCommands({ gatewayId });
    for (const stationId of await listStationsWithQueuedCommands({ gatewayId })) wake(stationId);
    // A command claimed unseen is SENT, not QUEUED: the station's loop puts it back.
    for (const stationId of unsure) wake(stationId);
    await failUnreachableTestRuns();
    for (const { runId, stationId } of await claimTestRuns({ gatewayId })) runTest(runId, stationId);
  }

  function schedulePoll(): void {
    pollTimer = setTimeout(() => {
      polling = poll()
        .catch((error) => logFailure('ocpp dispatcher: poll failed', error))
        .finally(() => {
          polling = undefined;
          if (!stopped) schedulePoll();
        });
    }, o.pollIntervalMs);
  }

  return {
    async start() {
      stopped = false;
      if (o.listen) unlisten = await listenStationCommands((stationId) => wake(stationId));
      schedulePoll();
    },

    async stop() {
      stopped = true;
      clearTimeout(pollTimer);
      await unlisten?.();
      unlisten = undefined;
      await Promise.allSettled([polling, ...preparing.values(), ...running.values(), ...testRuns]);
    },

    stationConnected(session) {
      const { stationId } = session;
      if (!stationId) return;
      announced.add(stationId);
      prepare(stationId, async () => {
        await failLostStationCommands({ stationId });
        if (session.accepted) await reconcileStationSync({ stationId });
      });
    },

    stationBooted(session) {
      const { stationId } = session;
      if (!stationId || !session.accepted) return;
      prepare(stationId, () => reconcileStationSync({ stationId }));
    },

    async statusReported(session) {
      const { stationId } = session;
      // Only an availability this gateway sent can await confirmation: most reports cost nothing here.
      if (stationId && awaitingConfirmation.has(stationId)) await confirmAwaited(stationId);
    },

    stationDisconnected(stationId) {
      announced.delete(stationId);
      unsure.delete(stationId);
      awaitingConfirmation.delete(stationId);
      // The loop ends at its next look (no open session); a call in flight fails with the socket.
      wokenAgain.delete(stationId);
    },
  };
}
