import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { formatTimestamp } from '@/lib/format';
import type { AuditEvent } from '@/lib/schemas/audit-event';

type Props = {
  entity: AuditEvent['entity'];
  entityId: string;
  /** The latest events of the object, newest first. */
  events: AuditEvent[];
  /** The link to the object's full history in the audit log. */
  fullLabel: string;
  testId: string;
};

/** The latest audit events of one object (a station's or a location's history tab), with the way to the full log. */
export function EntityHistory({ entity, entityId, events, fullLabel, testId }: Props) {
  const t = useTranslations('History');
  const common = useTranslations('Common');
  const locale = useLocale();
  return (
    <div className="space-y-2">
      {events.length === 0 ? (
        <p className="text-slate-600">{t('none')}</p>
      ) : (
        <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm" data-testid={testId}>
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
      <Link href={`/audit?entity=${entity}&entity_id=${entityId}`} className="text-sm text-brand-700 underline">
        {fullLabel}
      </Link>
    </div>
  );
}
