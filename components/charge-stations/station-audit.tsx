import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { formatTimestamp } from '@/lib/format';
import type { AuditEvent } from '@/lib/schemas/audit-event';

/** The latest audit events of one station, newest first, with the way to the full log. */
export function StationAudit({ stationId, events }: { stationId: string; events: AuditEvent[] }) {
  const t = useTranslations('StationHistory');
  const common = useTranslations('Common');
  const locale = useLocale();
  return (
    <div className="space-y-2">
      {events.length === 0 ? (
        <p className="text-slate-600">{t('none')}</p>
      ) : (
        <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm" data-testid="station-audit">
          {events.map((event) => {
            const fields = Object.keys(event.changes);
            return (
              <li key={event.id} className="space-y-0.5 px-3 py-2">
                <p>
                  <span className="font-medium">{event.action}</span>{' '}
                  <time dateTime={event.at}>{common('utc', { time: formatTimestamp(event.at, locale) })}</time>
                </p>
                <p className="break-all text-slate-600">
                  {fields.length > 0 ? t('byChanged', { actor: event.actor, fields: fields.join(', ') }) : t('by', { actor: event.actor })}
                </p>
              </li>
            );
          })}
        </ol>
      )}
      <Link href={`/audit?entity=charge_station&entity_id=${stationId}`} className="text-sm text-brand-700 underline">
        {t('full')}
      </Link>
    </div>
  );
}
