import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { formatTimestamp } from '@/lib/format';
import type { AuditEvent } from '@/lib/schemas/audit-event';

/** The latest audit events of one location, newest first, with the way to the full log. */
export function LocationHistory({ locationId, events }: { locationId: string; events: AuditEvent[] }) {
  const t = useTranslations('Location');
  const locale = useLocale();
  return (
    <div className="space-y-2">
      {events.length === 0 ? (
        <p className="text-slate-600">{t('noHistory')}</p>
      ) : (
        <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm" data-testid="location-history">
          {events.map((event) => (
            <li key={event.id} className="space-y-0.5 px-3 py-2">
              <p>
                <span className="font-medium">{event.action}</span> <time dateTime={event.at}>{formatTimestamp(event.at, locale)}</time>
              </p>
              <p className="break-all text-slate-600">
                {Object.keys(event.changes).length > 0
                  ? t('changedBy', { actor: event.actor, fields: Object.keys(event.changes).join(', ') })
                  : t('by', { actor: event.actor })}
              </p>
            </li>
          ))}
        </ol>
      )}
      <Link href={`/audit?entity=location&entity_id=${locationId}`} className="text-sm text-brand-700 underline">
        {t('fullHistory')}
      </Link>
    </div>
  );
}
