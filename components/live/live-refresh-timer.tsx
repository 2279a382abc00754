'use client';

import { startTransition, useEffect, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';

/**
 * Re-renders the page's server components every `intervalMs` while the tab is visible, so
 * connection, status and sync states follow the station without a reload. Client state (scroll,
 * open dialogs, typed values) stays. While the tab is hidden no timer runs at all; back on the tab
 * it catches up at once. While a form has been edited since it was last submitted the refresh
 * waits: it would move the form's version on and hide someone else's change from the save.
 * Controls inside `data-live-ignore` (nothing versioned) never hold it.
 */
export function LiveRefreshTimer({ intervalMs, words }: { intervalMs: number; words: { on: string; paused: string } }) {
  const router = useRouter();
  const [paused, setPaused] = useState(false);
  // Kept across interval changes (the installer view speeds up while a test runs).
  const editedForms = useRef(new Set<HTMLFormElement>());
  useEffect(() => {
    const edited = editedForms.current;
    const onEdit = (event: Event) => {
      const target = event.target as HTMLInputElement | null;
      if (target?.form && !target.closest('[data-live-ignore]')) edited.add(target.form);
    };
    const onSubmit = (event: Event) => edited.delete(event.target as HTMLFormElement);
    const tick = () => {
      for (const form of edited) if (!form.isConnected) edited.delete(form);
      const busy = edited.size > 0;
      setPaused(busy);
      if (!busy) startTransition(() => router.refresh());
    };
    let timer: ReturnType<typeof setInterval> | undefined;
    const start = () => {
      timer ??= setInterval(tick, intervalMs);
    };
    const stop = () => {
      clearInterval(timer);
      timer = undefined;
    };
    const onVisibility = () => {
      if (document.visibilityState !== 'visible') return stop();
      tick();
      start();
    };
    if (document.visibilityState === 'visible') start();
    document.addEventListener('input', onEdit, true);
    document.addEventListener('change', onEdit, true);
    document.addEventListener('submit', onSubmit, true);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stop();
      document.removeEventListener('input', onEdit, true);
      document.removeEventListener('change', onEdit, true);
      document.removeEventListener('submit', onSubmit, true);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [router, intervalMs]);
  return (
    <p className="text-xs text-slate-600" data-testid="live-refresh" data-paused={paused}>
      {paused ? words.paused : words.on}
    </p>
  );
}
