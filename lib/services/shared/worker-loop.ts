/*
 * The one job mechanism behind imports, webhook deliveries and (in its own loop) station commands:
 * the work is rows in Postgres, claimed with FOR UPDATE SKIP LOCKED and a lease (`locked_until`),
 * so several app instances share it and a crashed one's claims are taken over when the lease
 * ends. This loop only decides *when* to look: at once after a round that found work, on a wake-up
 * from this process, else every `intervalMs` (which also finds what other instances queued).
 */
export type WorkerLoop = { stop: () => Promise<void> };

export function startWorkerLoop({
  name,
  round,
  intervalMs,
  subscribe,
}: {
  name: string;
  /** One round of work; true when there may be more at once. */
  round: () => Promise<boolean>;
  intervalMs: number;
  /** Registers a wake-up; returns its removal. */
  subscribe?: (wake: () => void) => () => void;
}): WorkerLoop {
  let stopped = false;
  let wake: (() => void) | null = null;
  let woken = false;
  const unsubscribe = subscribe?.(() => {
    woken = true;
    wake?.();
  });
  const done = (async () => {
    while (!stopped) {
      woken = false;
      let more = false;
      try {
        more = await round();
      } catch (error) {
        // The database away (a restart, a failover) must not end the loop: the next round retries.
        console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (more || woken || stopped) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, intervalMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      unsubscribe?.();
      wake?.();
      await done;
    },
  };
}
