import { AUDIT_ENTITIES } from '@/lib/domain/vocabulary';
import type { AuditEvent } from '@/lib/schemas/audit-event';

/**
 * The portal page of an audited object, where one exists (deleted objects simply answer 404). API
 * keys, tenants and hardware templates have no detail page in the portal.
 */
export function entityHref(entity: AuditEvent['entity'], id: string): string | null {
  switch (entity) {
    case 'location':
      return `/locations/${id}`;
    case 'charge_station':
      return `/charge-stations/${id}`;
    case 'tariff':
      return `/tariffs/${encodeURIComponent(id)}`;
    case 'user':
      return `/users/${id}`;
    default:
      return null;
  }
}

/**
 * An action (`charge_station.availability_set`) as its entity and verb, for the words the portal
 * shows; null when it is not `<audited entity>.<verb>` (the code is then shown as it is).
 */
export function actionParts(action: string): { entity: AuditEvent['entity']; verb: string } | null {
  const dot = action.indexOf('.');
  const entity = action.slice(0, dot);
  if (dot < 1 || !(AUDIT_ENTITIES as readonly string[]).includes(entity)) return null;
  return { entity: entity as AuditEvent['entity'], verb: action.slice(dot + 1) };
}

export type ChangeLine = { field: string; before: string; after: string };

const MAX_VALUE = 60;

/** One value of a change, short enough for a table cell: JSON for objects, "—" for nothing. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

/**
 * The changed fields of an event as short "before → after" lines. Bookkeeping fields that change
 * on every write (`version`, `updated_at`) and the id (shown in the Entity column) are left out,
 * unless nothing else changed.
 */
export function changeLines(changes: AuditEvent['changes']): ChangeLine[] {
  const all = Object.entries(changes).map(([field, { before, after }]) => ({ field, before: showValue(before), after: showValue(after) }));
  const meaningful = all.filter((line) => !BOOKKEEPING.has(line.field));
  return meaningful.length ? meaningful : all;
}

const BOOKKEEPING = new Set(['id', 'version', 'updated_at', 'created_at']);
