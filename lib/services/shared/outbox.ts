import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { sql } from 'drizzle-orm';
import type { Queryable, Tx } from '@/lib/db/client';
import { WEBHOOK_EVENT_TYPES, type WEBHOOK_TEST_EVENT, type WebhookEventType } from '@/lib/domain/vocabulary';

/*
 * The webhook outbox (docs/INTEGRATIONS.md#webhooks). A change queues its events on its
 * transaction (a savepoint's go to the transaction around it when it succeeds); writeTransaction
 * writes them just before COMMIT, each with one delivery per subscription that wants it. So an event exists exactly when its change committed, and nothing is
 * written when nobody subscribes. Several events of one object in one transaction (a link that also
 * sets availability) collapse into one per type carrying the final state.
 */

export type OutboxEvent = {
  type: WebhookEventType | typeof WEBHOOK_TEST_EVENT;
  /** The tenant the object belongs to (null: the pool or CPO-wide); decides who receives it. */
  tenantId: string | null;
  objectId: string;
  /** The API's GET representation of the object after the change. */
  data: Record<string, unknown>;
};

const queued = new WeakMap<Tx, Map<string, OutboxEvent>>();

/** Queues an event on the transaction; written by writeTransaction before it commits. */
export function queueEvent(tx: Tx, event: OutboxEvent): void {
  let events = queued.get(tx);
  if (!events) queued.set(tx, (events = new Map()));
  const key = `${event.type}\u0000${event.objectId}\u0000${event.tenantId}`;
  events.delete(key); // re-inserted last: the map's order is the order of the final changes
  events.set(key, event);
}

const webhookTypes = new Set<string>(WEBHOOK_EVENT_TYPES);
/** Audit actions that report a change of the object's representation without a type of their own. */
const UPDATES = new Set(['availability_set', 'availability_changed', 'tariffs_set', 'configuration_set', 'maintenance_set']);

/** The webhook event an audited change of a location or station is, or null (a reset request changes nothing). */
export function eventTypeOfAudit(action: string): WebhookEventType | null {
  if (webhookTypes.has(action)) return action as WebhookEventType;
  const [entity, verb] = action.split('.');
  if ((entity === 'location' || entity === 'charge_station') && UPDATES.has(verb!)) return `${entity}.updated`;
  return null;
}

const deliveriesQueued = new EventEmitter();

/** Calls `listener` whenever this process committed deliveries (the worker's wake-up; the poll covers other processes). */
export function onDeliveriesQueued(listener: () => void): () => void {
  deliveriesQueued.on('queued', listener);
  return () => deliveriesQueued.off('queued', listener);
}

export function announceDeliveries(): void {
  deliveriesQueued.emit('queued');
}

/** A savepoint that succeeded hands its events to the transaction around it (one that failed drops them). */
export function moveEvents(from: Tx, into: Tx): void {
  const events = queued.get(from);
  if (!events) return;
  queued.delete(from);
  for (const event of events.values()) queueEvent(into, event);
}

/**
 * Writes the events queued on `tx` with their deliveries, before COMMIT; returns how many deliveries
 * were written. Two statements whatever the number of events (an import batch queues hundreds):
 * whether any subscription wants one of their types, and then all of them at once.
 */
export async function flushEvents(tx: Tx): Promise<number> {
  const events = queued.get(tx);
  if (!events?.size) return 0;
  queued.delete(tx);
  const list = [...events.values()];
  const types = [...new Set(list.map((event) => event.type))];
  const [wanted] = await tx.execute<{ any: boolean }>(
    sql`select exists (select 1 from webhook_subscriptions where enabled and events && ${`{${types.join(',')}}`}::text[]) as any`,
  );
  if (!wanted?.any) return 0;
  return (await writeEvents(tx, list)).length;
}

/**
 * One statement: the events (in the order given) and a delivery per subscription that wants each,
 * or nothing for an event none wants; returns the deliveries' ids. A CPO-wide subscription (no
 * tenant) receives every tenant's events. `onlySubscription`: that one, whatever it subscribes to
 * (the test event).
 */
export async function writeEvents(db: Queryable, events: OutboxEvent[], onlySubscription?: string): Promise<string[]> {
  const timestamp = new Date().toISOString();
  const input = events.map((event, n) => ({
    n,
    id: randomUUID(),
    type: event.type,
    tenant_id: event.tenantId,
    object_id: event.objectId,
    // Serialized here, in this key order: the body is stored as json text and sent as it is.
    payload: { type: event.type, timestamp, data: event.data },
  }));
  const wants = onlySubscription
    ? sql`s.id = ${onlySubscription}`
    : sql`s.enabled and e.type = any(s.events) and (s.tenant_id is null or s.tenant_id = e.tenant_id)`;
  const written = await db.execute<{ id: string }>(sql`
    with input as (
      select * from json_to_recordset(${JSON.stringify(input)}::json)
        as e(n int, id uuid, type text, tenant_id uuid, object_id text, payload json)
    ),
    subs as (select s.id as subscription_id, e.n from input e join webhook_subscriptions s on ${wants}),
    ev as (
      insert into webhook_events (id, type, tenant_id, object_id, payload)
      select e.id, e.type, e.tenant_id, e.object_id, e.payload from input e
      where exists (select 1 from subs where subs.n = e.n)
      order by e.n
      returning id, seq, object_id
    )
    insert into webhook_deliveries (subscription_id, event_id, seq, object_id)
    select subs.subscription_id, ev.id, ev.seq, ev.object_id
    from subs join input e on e.n = subs.n join ev on ev.id = e.id
    returning id`);
  return written.map((row) => row.id);
}

/** One event: see writeEvents. */
export const writeEvent = (db: Queryable, event: OutboxEvent, onlySubscription?: string) => writeEvents(db, [event], onlySubscription);
