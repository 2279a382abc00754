import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/client';
import { chargeStations } from '@/lib/db/schema';
import { makeLocation, makeStation, makeTenant, userContext } from '@/test/fixtures';
import { getDashboardSummary } from './get-dashboard-summary';

describe('getDashboardSummary', () => {
  it('counts and lists only the caller’s stations: faulted, and offline after reporting', async () => {
    const own = (await makeTenant('Dash')).id;
    const other = (await makeTenant('Elsewhere')).id;
    const location = (await makeLocation(own)).id;
    const faulted = await makeStation(own, location);
    const silent = await makeStation(own, location);
    const healthy = await makeStation(own, location);
    const theirs = await makeStation(other);
    const db = getDb();
    await db
      .update(chargeStations)
      .set({ status: 'OUTOFORDER', connected: true, lastHeartbeatAt: new Date() })
      .where(eq(chargeStations.id, faulted.id));
    await db
      .update(chargeStations)
      .set({ status: 'AVAILABLE', connected: true, lastHeartbeatAt: new Date(Date.now() - 60 * 60_000) })
      .where(eq(chargeStations.id, silent.id));
    await db
      .update(chargeStations)
      .set({ status: 'AVAILABLE', availability: 'INOPERATIVE', connected: true, lastHeartbeatAt: new Date() })
      .where(eq(chargeStations.id, healthy.id));
    await db.update(chargeStations).set({ status: 'OUTOFORDER' }).where(eq(chargeStations.id, theirs.id));

    const summary = await getDashboardSummary({ ctx: await userContext('viewer', [own]) });
    expect(summary).toMatchObject({ locations: 1, stations: 3, offline: 1 });
    expect(summary.byStatus).toEqual([
      { status: 'AVAILABLE', count: 2 },
      { status: 'OUTOFORDER', count: 1 },
    ]);
    expect(summary.byAvailability).toEqual([
      { availability: 'INOPERATIVE', count: 1 },
      { availability: 'OPERATIVE', count: 2 },
    ]);
    expect(summary.faultedStations.map((s) => s.id)).toEqual([faulted.id]);
    expect(summary.offlineStations.map((s) => s.id)).toEqual([silent.id]);
  });
});
