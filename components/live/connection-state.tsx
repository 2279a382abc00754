'use client';

import { useLocale, useTranslations } from 'next-intl';
import { StatusBadge } from '@/components/status/status-badge';
import { formatTimestamp } from '@/lib/format';
import { connectionOf, relativeAge } from '@/lib/view/stations';
import { useNow } from './use-now';

type Station = { connected: boolean; last_heartbeat_at: string | null };

/**
 * The station's connection as a badge that ages on its own: a connected station that stops being
 * heard turns "silent" without waiting for the page's next refresh.
 */
export function ConnectionState({ station }: { station: Station }) {
  const now = useNow(5000);
  return <StatusBadge status={{ kind: 'connection', value: connectionOf(station, now) }} testId="connection-state" />;
}

/** When the station was last heard, relative ("12 s ago") and ageing on its own; the exact time on hover. */
export function LastHeard({ at }: { at: string | null }) {
  const t = useTranslations('Live');
  const common = useTranslations('Common');
  const locale = useLocale();
  const now = useNow(1000);
  if (!at) return <span className="text-slate-600">{common('never')}</span>;
  const age = relativeAge(at, now);
  return (
    <time dateTime={at} title={common('utc', { time: formatTimestamp(at, locale) })} suppressHydrationWarning data-testid="last-heard">
      {t(age.key, { count: age.count })}
    </time>
  );
}
