import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { formatTimestamp } from '@/lib/format';

type Brief = { id: string; name: string | null; ocppId: string; lastHeartbeatAt: Date | null };

/** A short list of stations needing attention, each linking to its page. */
export function StationBriefList({
  id,
  title,
  stations,
  empty,
  note,
}: {
  id: string;
  title: string;
  stations: Brief[];
  empty: string;
  /** A line below the list, e.g. what it leaves out. */
  note?: string;
}) {
  const t = useTranslations('Dashboard');
  const locale = useLocale();
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={`${id}-heading`} className="mb-2 text-lg font-medium">
        {title}
      </h2>
      {stations.length === 0 ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {stations.map((s) => (
            <li key={s.id}>
              <Link href={`/charge-stations/${s.id}`} className="text-brand-700 underline">
                {s.name ?? s.ocppId}
              </Link>{' '}
              <span className="text-slate-600">
                {s.ocppId}
                {s.lastHeartbeatAt ? `, ${t('lastHeard', { time: formatTimestamp(s.lastHeartbeatAt, locale) })}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      {note && <p className="mt-2 text-sm text-slate-600">{note}</p>}
    </section>
  );
}
