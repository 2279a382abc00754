import { onImportQueued, runImports } from '@/lib/services/imports';
import { onDeliveriesQueued } from '@/lib/services/shared/outbox';
import { startWorkerLoop } from '@/lib/services/shared/worker-loop';
import { deliverDueWebhooks } from '@/lib/services/webhooks';

/** How often an idle worker looks for work another instance queued (this one's wakes it at once). */
const POLL_MS = 1000;

/**
 * The background work of every app instance: imports and webhook deliveries, on the job mechanism
 * of shared/worker-loop.ts. Any number of instances may run it; they share the rows safely.
 */
export function startBackgroundJobs(): { stop: () => Promise<void> } {
  const loops = [
    startWorkerLoop({ name: 'webhook deliveries', round: () => deliverDueWebhooks(), intervalMs: POLL_MS, subscribe: onDeliveriesQueued }),
    startWorkerLoop({ name: 'imports', round: runImports, intervalMs: POLL_MS, subscribe: onImportQueued }),
  ];
  return { stop: async () => void (await Promise.all(loops.map((loop) => loop.stop()))) };
}
