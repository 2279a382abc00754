import Link from 'next/link';
import type { AuditEvent } from '@/lib/schemas/audit-event';

/** The latest audit events of one station, newest first, with the way to the full log. */
export function StationAudit({ stationId, events }: { stationId: string; events: AuditEvent[] }) {
  return (
    <div className="space-y-2">
      {events.length === 0 ? (
        <p className="text-slate-500">No changes recorded.</p>
      ) : (
        <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm" data-testid="station-audit">
          {events.map((event) => (
            <li key={event.id} className="space-y-0.5 px-3 py-2">
              <p>
                <span className="font-medium">{event.action}</span>{' '}
                <time dateTime={event.at}>{event.at.replace('T', ' ').slice(0, 19)} UTC</time>
              </p>
              <p className="break-all text-slate-600">
                by {event.actor}
                {Object.keys(event.changes).length > 0 ? ` · changed ${Object.keys(event.changes).join(', ')}` : ''}
              </p>
            </li>
          ))}
        </ol>
      )}
      <Link href={`/audit?entity=charge_station&entity_id=${stationId}`} className="text-sm text-brand-700 underline">
        Full audit history of this station
      </Link>
    </div>
  );
}
