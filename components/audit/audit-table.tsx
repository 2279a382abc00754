import Link from 'next/link';
import { changeLines, entityHref } from '@/lib/view/audit';
import type { AuditEvent } from '@/lib/schemas/audit-event';
import { StaticTable } from '@/components/data-table/table-frame';

const HEADERS = ['Time (UTC)', 'Actor', 'Action', 'Entity', 'Changes'];

const when = (iso: string) => iso.slice(0, 19).replace('T', ' ');

/** The actor as a short label that filters the log by it. */
function ActorLink({ actor }: { actor: string }) {
  const [kind, id] = actor.split(':');
  const label = id ? `${kind === 'api_key' ? 'API key' : 'user'} ${id.slice(0, 8)}` : actor;
  return (
    <Link href={`/audit?actor=${encodeURIComponent(actor)}`} className="text-brand-700 hover:underline" title={actor}>
      {label}
    </Link>
  );
}

function EntityLink({ event }: { event: AuditEvent }) {
  const href = entityHref(event.entity, event.entity_id);
  const text = `${event.entity} ${event.entity_id.length > 12 ? event.entity_id.slice(0, 8) : event.entity_id}`;
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
        history
      </Link>
    </span>
  );
}

/** The changed fields, compact: a few lines, the rest behind "more". */
function Changes({ changes }: { changes: AuditEvent['changes'] }) {
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
          <summary className="cursor-pointer text-slate-600">{lines.length - 3} more</summary>
          <ul>{lines.slice(3).map(line)}</ul>
        </details>
      )}
    </div>
  );
}

/** Audit events, newest first by default; wide content scrolls inside the table's container. */
export function AuditTable({
  events,
  caption = 'Audit events',
  emptyMessage = 'No audit events match.',
}: {
  events: AuditEvent[];
  caption?: string;
  emptyMessage?: string;
}) {
  return (
    <StaticTable caption={caption} headers={HEADERS} rowCount={events.length} emptyMessage={emptyMessage}>
      {events.map((event) => (
        <tr key={event.id} className="align-top">
          <td className="whitespace-nowrap px-3 py-2">{when(event.at)}</td>
          <td className="whitespace-nowrap px-3 py-2">
            <ActorLink actor={event.actor} />
          </td>
          <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">{event.action}</td>
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
