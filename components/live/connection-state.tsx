'use client';

import { formatTimestamp } from '@/lib/format';
import { CONNECTION_WORDS, connectionOf, relativeTime, type Connection } from '@/lib/view/stations';
import { useNow } from './use-now';

const DOT: Record<Connection, string> = {
  CONNECTED: 'bg-emerald-600',
  SILENT: 'bg-amber-500',
  OFFLINE: 'bg-red-600',
  NEVER: 'bg-slate-400',
};

type Station = { connected: boolean; last_heartbeat_at: string | null };

/** A dot and the words for the station's connection (the colour is never the only sign). */
export function ConnectionState({ station }: { station: Station }) {
  const now = useNow(5000);
  const state = connectionOf(station, now);
  return (
    <span
      className="inline-flex items-center gap-1.5 whitespace-nowrap"
      data-testid="connection-state"
      data-state={state}
      suppressHydrationWarning
    >
      <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 rounded-full ${DOT[state]}`} suppressHydrationWarning />
      <span suppressHydrationWarning>{CONNECTION_WORDS[state]}</span>
    </span>
  );
}

/** When the station was last heard, relative ("12 s ago") and ageing on its own; the exact time on hover. */
export function LastHeard({ at }: { at: string | null }) {
  const now = useNow(1000);
  if (!at) return <span className="text-slate-600">never</span>;
  return (
    <time dateTime={at} title={`${formatTimestamp(at)} UTC`} suppressHydrationWarning data-testid="last-heard">
      {relativeTime(at, now)}
    </time>
  );
}
