import { EventEmitter } from 'node:events';
import { sql } from 'drizzle-orm';
import type { Queryable, Tx } from '@/lib/db/client';
import { WEBHOOK_EVENT_TYPES, type WEBHOOK_TEST_EVENT, type WebhookEventType } from '@/lib/domain/vocabulary';

/*
 * The webhook outbox (docs/INTEGRATIONS.md#webhooks). A change queues its events on its
 * transaction; writeTransaction writes them just before COMMIT, each with one delivery per
 * subscription that wants it. So an event exists exactly when its change committed, and nothing is
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

/** Writes the events queued on `tx` with their deliveries; returns how many deliveries were written. */
export async function flushEvents(tx: Tx): Promise<number> {
  const events = queued.get(tx);
  if (!events?.size) return 0;
  queued.delete(tx);
  let deliveries = 0;
  for (const event of events.values()) deliveries += (await writeEvent(tx, event)).length;
  return deliveries;
}

/**
 * One statement: the event and a delivery per subscription (their ids are returned) that wants it, or nothing when none
 * does. A CPO-wide subscription (no tenant) receives every tenant's events.
 */
export async function writeEvent(db: Queryable, event: OutboxEvent, onlySubscription?: string): Promise<string[]> {
  const payload = { type: event.type, timestamp: new Date().toISOString(), data: event.data };
  const subscriptions = onlySubscription
    ? sql`select id from webhook_subscriptions where id = ${onlySubscription}`
    : sql`select id from webhook_subscriptions
          where enabled and ${event.type} = any(events)
            and (tenant_id is null or tenant_id = ${event.tenantId})`;
  const written = await db.execute<{ id: string }>(sql`
    with subs as (${subscriptions}),
    ev as (
      insert into webhook_events (type, tenant_id, object_id, payload)
      select ${event.type}, ${event.tenantId}, ${event.objectId}, ${JSON.stringify(payload)}::json
      where exists (select 1 from subs)
      returning id, seq, object_id
    )
    insert into webhook_deliveries (subscription_id, event_id, seq, object_id)
    select subs.id, ev.id, ev.seq, ev.object_id from ev cross join subs
    returning id`);
  return written.map((row) => row.id);
}
