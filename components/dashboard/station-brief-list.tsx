import Link from 'next/link';
import { formatTimestamp } from '@/lib/format';

type Brief = { id: string; name: string | null; ocppId: string; lastHeartbeatAt: Date | null };

/** A short list of stations needing attention, each linking to its page. */
export function StationBriefList({ title, stations, empty }: { title: string; stations: Brief[]; empty: string }) {
  const id = title.toLowerCase().replace(/\W+/g, '-');
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={id} className="mb-2 text-lg font-medium">
        {title}
      </h2>
      {stations.length === 0 ? (
        <p className="text-sm text-slate-500">{empty}</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {stations.map((s) => (
            <li key={s.id}>
              <Link href={`/charge-stations/${s.id}`} className="text-brand-700 underline">
                {s.name ?? s.ocppId}
              </Link>{' '}
              <span className="text-slate-500">
                {s.ocppId}
                {s.lastHeartbeatAt ? `, last heard ${formatTimestamp(s.lastHeartbeatAt)}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
