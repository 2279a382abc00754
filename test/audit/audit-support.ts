import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { auditEvents } from '@/lib/db/schema';
import type { Target } from './api-recipes';

/**
 * Makes every audit insert of `actor` fail (a trigger in the test database), as a failure after
 * the change itself would; returns its removal. Other callers' events are untouched.
 */
export async function installAuditRefusal(actor: string): Promise<() => Promise<void>> {
  const name = `refuse_audit_${randomUUID().replaceAll('-', '')}`;
  const db = getDb();
  await db.execute(
    sql.raw(`create function ${name}() returns trigger language plpgsql as $$
      begin
        if new.actor = '${actor.replaceAll("'", "''")}' then raise exception 'forced audit failure'; end if;
        return new;
      end $$`),
  );
  await db.execute(sql.raw(`create trigger ${name} before insert on audit_events for each row execute function ${name}()`));
  return async () => {
    await db.execute(sql.raw(`drop trigger ${name} on audit_events`));
    await db.execute(sql.raw(`drop function ${name}()`));
  };
}

/** Rows a change of `target` may write: the row itself and, for a station, its children and commands. */
export async function rowsFingerprint(target: Target): Promise<string> {
  const db = getDb();
  const row = await db.execute<{ digest: string | null }>(
    sql`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${sql.identifier(target.table)} t where ${sql.identifier(target.column)}::text = ${target.value}`,
  );
  if (target.table !== 'charge_stations') return row[0]!.digest ?? '';
  const children = await db.execute<{ digest: string | null }>(sql`
    select md5(concat_ws('|',
      (select string_agg(c::text, '|' order by c.id) from station_commands c where c.station_id::text = ${target.value}),
      (select string_agg(r::text, '|' order by r.id) from station_test_runs r where r.station_id::text = ${target.value}),
      (select string_agg(e::text, '|' order by e.uid) from evses e where e.station_id::text = ${target.value}),
      (select string_agg(k::text, '|' order by k::text) from connectors k join evses e on e.uid = k.evse_uid where e.station_id::text = ${target.value})
    )) as digest`);
  return `${row[0]!.digest}:${children[0]!.digest}`;
}

/** Whether the audit event was written by the transaction that wrote the change (same xmin). */
export async function sameTransaction(auditId: string, target: Target, entityId: string): Promise<boolean> {
  const rows = await getDb().execute<{ same: boolean }>(sql`
    select (select xmin::text from audit_events where id = ${auditId}) in (
      select xmin::text from ${sql.identifier(target.table)} where id::text = ${entityId}
      union all select xmin::text from station_commands where station_id::text = ${entityId}
      union all select xmin::text from station_test_runs where station_id::text = ${entityId}
      union all select xmin::text from webhook_deliveries where subscription_id::text = ${entityId}
    ) as same`);
  return rows[0]!.same;
}

/** The audit events of one entity written by one actor. */
export const eventsOf = (entityId: string, actor: string) =>
  getDb()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, entityId), eq(auditEvents.actor, actor)));

/** The id of the row a recipe's target names (e.g. the location created with a marker name). */
export async function idOfTarget(target: Target): Promise<string | undefined> {
  const rows = await getDb().execute<{ id: string }>(
    sql`select id::text from ${sql.identifier(target.table)} where ${sql.identifier(target.column)}::text = ${target.value}`,
  );
  return rows[0]?.id;
}
