'use client';

import { startTransition, useEffect, useState } from 'react';
import { useRouter } from 'next/navigation';

/** Whether a form on the page holds something the user typed or chose and has not saved. */
function editing(): boolean {
  for (const form of Array.from(document.forms)) {
    for (const element of Array.from(form.elements)) {
      if (element instanceof HTMLInputElement) {
        if (element.type === 'checkbox' || element.type === 'radio') {
          if (element.checked !== element.defaultChecked) return true;
        } else if (element.type !== 'hidden' && element.value !== element.defaultValue) return true;
      } else if (element instanceof HTMLTextAreaElement) {
        if (element.value !== element.defaultValue) return true;
      } else if (element instanceof HTMLSelectElement && !element.multiple) {
        const initial = Math.max(
          0,
          Array.from(element.options).findIndex((option) => option.defaultSelected),
        );
        if (element.selectedIndex !== initial) return true;
      }
    }
  }
  return false;
}

/**
 * Re-renders the page's server components every `intervalMs` while the tab is visible, so
 * connection, status and sync states follow the station without a reload. Client state (scroll,
 * open dialogs, typed values) stays; a refresh waits while a form has unsaved input, because the
 * refresh would move the form's version on and hide someone else's change from the save.
 */
export function LiveRefresh({ intervalMs = 5000 }: { intervalMs?: number }) {
  const router = useRouter();
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    const tick = () => {
      if (document.visibilityState !== 'visible') return;
      const busy = editing();
      setPaused(busy);
      if (!busy) startTransition(() => router.refresh());
    };
    const timer = setInterval(tick, intervalMs);
    // Back on the tab after a while: catch up at once rather than at the next tick.
    const onVisible = () => document.visibilityState === 'visible' && tick();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [router, intervalMs]);
  return (
    <p className="text-xs text-slate-600" data-testid="live-refresh">
      {paused ? 'Live updates paused while you edit a form.' : 'Updates live.'}
    </p>
  );
}
