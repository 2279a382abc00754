'use client';

import { startTransition, useEffect, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';

/**
 * Re-renders the page's server components every `intervalMs` while the tab is visible, so
 * connection, status and sync states follow the station without a reload. Client state (scroll,
 * open dialogs, typed values) stays. While a form has been edited since it was last submitted the
 * refresh waits: it would move the form's version on and hide someone else's change from the
 * save. Controls inside `data-live-ignore` (nothing versioned) never hold it.
 */
export function LiveRefresh({ intervalMs = 5000 }: { intervalMs?: number }) {
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
      if (document.visibilityState !== 'visible') return;
      for (const form of edited) if (!form.isConnected) edited.delete(form);
      const busy = edited.size > 0;
      setPaused(busy);
      if (!busy) startTransition(() => router.refresh());
    };
    const timer = setInterval(tick, intervalMs);
    // Back on the tab after a while: catch up at once rather than at the next tick.
    const onVisible = () => document.visibilityState === 'visible' && tick();
    document.addEventListener('input', onEdit, true);
    document.addEventListener('change', onEdit, true);
    document.addEventListener('submit', onSubmit, true);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('input', onEdit, true);
      document.removeEventListener('change', onEdit, true);
      document.removeEventListener('submit', onSubmit, true);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [router, intervalMs]);
  return (
    <p className="text-xs text-slate-600" data-testid="live-refresh">
      {paused ? 'Live updates paused while you edit a form.' : 'Updates live.'}
    </p>
  );
}
