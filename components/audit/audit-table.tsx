import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { actionParts, changeLines, entityHref } from '@/lib/view/audit';
import type { AuditEvent } from '@/lib/schemas/audit-event';
import { StaticTable } from '@/components/data-table/table-frame';
import { formatTimestamp } from '@/lib/format';
import type { Messages } from '@/lib/i18n/messages';

/** The actor as a short label that filters the log by it. */
function ActorLink({ actor }: { actor: string }) {
  const t = useTranslations('Audit');
  const [kind, id] = actor.split(':');
  const label = id ? t(kind === 'api_key' ? 'actorApiKey' : 'actorUser', { id: id.slice(0, 8) }) : actor;
  return (
    <Link href={`/audit?actor=${encodeURIComponent(actor)}`} className="text-brand-700 hover:underline" title={actor}>
      {label}
    </Link>
  );
}

/** The action in words ("Location updated"), with its code, which the Action filter takes. */
function ActionWords({ action }: { action: string }) {
  const t = useTranslations('Audit');
  const parts = actionParts(action);
  // A verb the messages lack (a newer action) leaves the code alone.
  const verb = parts && (`verbs.${parts.verb}` as `verbs.${keyof Messages['Audit']['verbs']}`);
  const words = parts && verb && t.has(verb) ? t('actionWords', { entity: t(`entities.${parts.entity}`), verb: t(verb) }) : null;
  return (
    <>
      {words && <span className="block">{words}</span>}
      <code className={words ? 'block font-mono text-xs text-slate-600' : 'font-mono text-xs'}>{action}</code>
    </>
  );
}

function EntityLink({ event }: { event: AuditEvent }) {
  const t = useTranslations('Audit');
  const href = entityHref(event.entity, event.entity_id);
  const text = `${t(`entities.${event.entity}`)} ${event.entity_id.length > 12 ? event.entity_id.slice(0, 8) : event.entity_id}`;
  return (
    <span className="space-x-2">
      {href ? (
        <Link href={href} className="text-brand-700 hover:underline" title={event.entity_id}>
          {text}
        </Link>
      ) : (
        <span title={event.entity_id}>{text}</span>
      )}
      <Link
        href={`/audit?entity=${event.entity}&entity_id=${encodeURIComponent(event.entity_id)}`}
        className="text-xs text-slate-600 underline"
      >
        {t('history')}
      </Link>
    </span>
  );
}

/** The changed fields, compact: a few lines, the rest behind "more". */
function Changes({ changes }: { changes: AuditEvent['changes'] }) {
  const t = useTranslations('Audit');
  const lines = changeLines(changes);
  if (!lines.length) return <span className="text-slate-500">—</span>;
  const line = (l: (typeof lines)[number]) => (
    <li key={l.field} className="break-words">
      <span className="font-medium">{l.field}</span>: <span className="text-red-800 line-through decoration-red-300">{l.before}</span> →{' '}
      <span className="text-emerald-800">{l.after}</span>
    </li>
  );
  return (
    <div className="min-w-64 max-w-md whitespace-normal text-xs">
      <ul>{lines.slice(0, 3).map(line)}</ul>
      {lines.length > 3 && (
        <details>
          <summary className="cursor-pointer text-slate-600">{t('more', { count: lines.length - 3 })}</summary>
          <ul>{lines.slice(3).map(line)}</ul>
        </details>
      )}
    </div>
  );
}

/** Audit events, newest first by default; wide content scrolls inside the table's container. */
export function AuditTable({ events, caption, emptyMessage }: { events: AuditEvent[]; caption?: string; emptyMessage?: string }) {
  const t = useTranslations('Audit');
  const locale = useLocale();
  const headers = [t('time'), t('actor'), t('action'), t('entity'), t('changes')];
  return (
    <StaticTable caption={caption ?? t('caption')} headers={headers} rowCount={events.length} emptyMessage={emptyMessage ?? t('empty')}>
      {events.map((event) => (
        <tr key={event.id} className="align-top">
          <td className="whitespace-nowrap px-3 py-2">{formatTimestamp(event.at, locale)}</td>
          <td className="whitespace-nowrap px-3 py-2">
            <ActorLink actor={event.actor} />
          </td>
          <td className="whitespace-nowrap px-3 py-2">
            <ActionWords action={event.action} />
          </td>
          <td className="whitespace-nowrap px-3 py-2">
            <EntityLink event={event} />
          </td>
          <td className="px-3 py-2">
            <Changes changes={event.changes} />
          </td>
        </tr>
      ))}
    </StaticTable>
  );
}
