import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { StatusBadge } from '@/components/status/status-badge';
import type { EvseStatus } from '@/lib/domain/vocabulary';
import { formatTimestamp } from '@/lib/format';

type Change = { stationId: string; name: string | null; ocppId: string; connector: number; from: EvseStatus; to: EvseStatus; at: Date };

/** The latest connector status changes, newest first: station (link), connector, old → new status, when. */
export function RecentChanges({ changes }: { changes: Change[] }) {
  const t = useTranslations('Dashboard');
  const locale = useLocale();
  if (!changes.length) return <p className="text-sm text-slate-600">{t('noRecentChanges')}</p>;
  return (
    <ol className="divide-y divide-slate-100 text-sm" data-testid="recent-changes">
      {changes.map((change) => (
        <li
          key={`${change.stationId}-${change.connector}-${change.at.toISOString()}`}
          className="flex flex-wrap items-center gap-x-2 gap-y-1 py-1.5"
        >
          <Link href={`/charge-stations/${change.stationId}`} className="font-medium text-brand-700 underline">
            {change.name ?? change.ocppId}
          </Link>
          <span className="text-slate-600">{t('connector', { number: change.connector })}</span>
          <span className="inline-flex items-center gap-1">
            <StatusBadge status={{ kind: 'station', value: change.from }} />
            <span aria-hidden="true">→</span>
            <span className="sr-only">{t('changedTo')}</span>
            <StatusBadge status={{ kind: 'station', value: change.to }} />
          </span>
          <time dateTime={change.at.toISOString()} className="ml-auto text-slate-600">
            {formatTimestamp(change.at, locale)}
          </time>
        </li>
      ))}
    </ol>
  );
}
