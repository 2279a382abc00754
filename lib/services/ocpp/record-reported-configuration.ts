import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { chargeStations, type ReportedConfiguration } from '@/lib/db/schema';

/** Keys whose values are secrets: stored masked, like in the message log. */
const SECRET_KEYS = new Set(['AuthorizationKey']);

/**
 * Stores what GetConfiguration returned (`partial`: only some keys were asked for, so the others
 * keep their last report) with its time. A desired key reported with its desired value is APPLIED
 * — also one that waited for a reboot.
 */
export async function recordReportedConfiguration({
  stationId,
  known,
  partial,
}: {
  stationId: string;
  known: { key: string; value: string | null; readonly: boolean }[];
  partial: boolean;
}): Promise<void> {
  const reported: ReportedConfiguration = Object.fromEntries(
    known.map(({ key, value, readonly }) => [key, { value: SECRET_KEYS.has(key) && value !== null ? '***' : value, readonly }]),
  );
  const reportedJson = sql`${JSON.stringify(reported)}::jsonb`;
  await getDb()
    .update(chargeStations)
    .set({
      reportedConfiguration: partial
        ? sql`coalesce(${chargeStations.reportedConfiguration}, '{}'::jsonb) || ${reportedJson}`
        : reportedJson,
      reportedConfigurationAt: sql`clock_timestamp()`,
      configurationSync: sql`${chargeStations.configurationSync} || coalesce((
        select jsonb_object_agg(desired.key, 'APPLIED')
        from jsonb_each_text(${chargeStations.configuration}) as desired
        where ${reportedJson} -> desired.key ->> 'value' = desired.value
      ), '{}'::jsonb)`,
    })
    .where(eq(chargeStations.id, stationId));
}
