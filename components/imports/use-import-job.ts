'use client';

import { startTransition, useEffect, useState } from 'react';
import { useRouter } from 'next/navigation';
import type { Import } from '@/lib/schemas/import';
import { importRunning } from '@/lib/view/imports';

const POLL_MS = 1000;

/**
 * The import job the page shows, polled every second while it is queued or running and the tab is
 * visible (at once on coming back to the tab). When it ends the server components refresh, so the
 * list of recent imports shows the outcome too.
 */
export function useImportJob(initial: Import | null) {
  const router = useRouter();
  const [job, setJob] = useState(initial);
  const runningId = job && importRunning(job.status) ? job.id : null;
  useEffect(() => {
    if (!runningId) return;
    let stopped = false;
    let inFlight = false;
    const poll = async () => {
      if (inFlight || document.visibilityState !== 'visible') return;
      inFlight = true;
      try {
        const response = await fetch(`/api/v2/imports/${runningId}`, { cache: 'no-store' });
        if (!response.ok || stopped) return;
        const next = (await response.json()) as Import;
        if (stopped) return;
        setJob(next);
        if (!importRunning(next.status)) startTransition(() => router.refresh());
      } catch {
        // A dropped request: the next tick asks again.
      } finally {
        inFlight = false;
      }
    };
    const timer = setInterval(poll, POLL_MS);
    const onVisible = () => void poll();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [runningId, router]);
  return [job, setJob] as const;
}
