import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/client';
import { chargeStations, ocppMessages } from '@/lib/db/schema';
import { makeLocation, makeStation, makeTenant, userContext } from '@/test/fixtures';
import { getDashboardSummary } from './get-dashboard-summary';

const HOUR = 60 * 60_000;

/** An inbound CALL in the frame log, `ago` ms before now. */
function frame(stationId: string, action: string, ago: number, payload: Record<string, unknown> = {}) {
  return {
    stationId,
    at: new Date(Date.now() - ago),
    direction: 'IN' as const,
    messageType: 'CALL' as const,
    action,
    messageId: crypto.randomUUID(),
    payload,
  };
}

const statusReport = (stationId: string, connectorId: number, status: string, ago: number) =>
  frame(stationId, 'StatusNotification', ago, { connectorId, status, errorCode: 'NoError' });

describe('getDashboardSummary', () => {
  it('counts and lists only the caller’s stations: connected, offline, faulted, by status per tenant', async () => {
    const own = await makeTenant('Dash');
    const other = (await makeTenant('Elsewhere')).id;
    const location = (await makeLocation(own.id)).id;
    const faulted = await makeStation(own.id, location);
    const silent = await makeStation(own.id, location);
    const healthy = await makeStation(own.id, location);
    const theirs = await makeStation(other);
    const db = getDb();
    await db
      .update(chargeStations)
      .set({ status: 'OUTOFORDER', connected: true, lastHeartbeatAt: new Date() })
      .where(eq(chargeStations.id, faulted.id));
    await db
      .update(chargeStations)
      .set({ status: 'AVAILABLE', connected: true, lastHeartbeatAt: new Date(Date.now() - HOUR) })
      .where(eq(chargeStations.id, silent.id));
    await db
      .update(chargeStations)
      .set({ status: 'AVAILABLE', availability: 'INOPERATIVE', connected: true, lastHeartbeatAt: new Date() })
      .where(eq(chargeStations.id, healthy.id));
    await db.update(chargeStations).set({ status: 'OUTOFORDER' }).where(eq(chargeStations.id, theirs.id));

    const summary = await getDashboardSummary({ ctx: await userContext('viewer', [own.id]) });
    expect(summary).toMatchObject({ locations: 1, stations: 3, connected: 2, offline: 1, neverHeard: 0, faulted: 1, tenantCount: 1 });
    expect(summary.byStatus).toEqual([
      { status: 'AVAILABLE', count: 2 },
      { status: 'OUTOFORDER', count: 1 },
    ]);
    expect(summary.byAvailability).toEqual([
      { availability: 'INOPERATIVE', count: 1 },
      { availability: 'OPERATIVE', count: 2 },
    ]);
    expect(summary.byTenant).toEqual([{ tenantId: own.id, tenantName: own.name, total: 3, counts: { AVAILABLE: 2, OUTOFORDER: 1 } }]);
    expect(summary.faultedStations.map((s) => s.id)).toEqual([faulted.id]);
    expect(summary.offlineStations.map((s) => s.id)).toEqual([silent.id]);
  });

  it('gives a user of two tenants a row for each, the one with more stations first', async () => {
    const small = await makeTenant('Small');
    const large = await makeTenant('Large');
    await makeStation(small.id);
    await makeStation(large.id);
    const charging = await makeStation(large.id);
    await getDb().update(chargeStations).set({ status: 'CHARGING' }).where(eq(chargeStations.id, charging.id));

    const summary = await getDashboardSummary({ ctx: await userContext('viewer', [small.id, large.id]) });
    expect(summary).toMatchObject({ offline: 3, neverHeard: 3, offlineStations: [] });
    expect(summary.byTenant).toEqual([
      { tenantId: large.id, tenantName: large.name, total: 2, counts: { CHARGING: 1, UNKNOWN: 1 } },
      { tenantId: small.id, tenantName: small.name, total: 1, counts: { UNKNOWN: 1 } },
    ]);
  });

  it('buckets the last 24 hours of the caller’s frames by hour: stations heard and boots', async () => {
    const own = (await makeTenant('Hours')).id;
    const other = (await makeTenant('Not mine')).id;
    const a = await makeStation(own);
    const b = await makeStation(own);
    const theirs = await makeStation(other);
    await getDb()
      .insert(ocppMessages)
      .values([
        // The current hour: both stations heard, one booted (twice in the same hour counts twice).
        frame(a.id, 'BootNotification', 0),
        frame(a.id, 'Heartbeat', 0),
        frame(b.id, 'Heartbeat', 0),
        // Three hours ago: one station, heard twice.
        frame(a.id, 'Heartbeat', 3 * HOUR),
        frame(a.id, 'Heartbeat', 3 * HOUR + 60_000),
        // Outbound frames, older than 24 hours, and another tenant's station do not count.
        { ...frame(b.id, 'Reset', 3 * HOUR), direction: 'OUT' as const },
        frame(b.id, 'BootNotification', 25 * HOUR),
        frame(theirs.id, 'BootNotification', 0),
      ]);

    const { connectivity } = await getDashboardSummary({ ctx: await userContext('viewer', [own]) });
    expect(connectivity).toHaveLength(24);
    const hourStart = new Date();
    hourStart.setMinutes(0, 0, 0);
    expect(connectivity.at(-1)).toEqual({ hour: hourStart, heard: 2, boots: 1 });
    // Frames 3 h and 3 h 1 min ago may fall either side of an hour boundary: one station heard over those buckets.
    const earlier = connectivity.slice(0, -1);
    expect(earlier.filter((h) => h.heard > 0).map((h) => h.heard)).toSatisfy(
      (heard: number[]) => heard.length >= 1 && heard.length <= 2 && heard.every((n) => n === 1),
    );
    expect(earlier.every((h) => h.boots === 0)).toBe(true);
    expect(connectivity.map((h) => h.hour.getTime())).toEqual(Array.from({ length: 24 }, (_, i) => hourStart.getTime() - (23 - i) * HOUR));
  });

  it('lists real status changes per connector, newest first, within scope', async () => {
    const own = (await makeTenant('Changes')).id;
    const other = (await makeTenant('Their changes')).id;
    const a = await makeStation(own);
    const b = await makeStation(own);
    const theirs = await makeStation(other);
    await getDb()
      .insert(ocppMessages)
      .values([
        statusReport(a.id, 1, 'Available', 50 * 60_000),
        statusReport(a.id, 2, 'Available', 49 * 60_000),
        // Connector 1 starts charging, then faults; Preparing → Charging is the same EVSE status: no change.
        statusReport(a.id, 1, 'Preparing', 40 * 60_000),
        statusReport(a.id, 1, 'Charging', 39 * 60_000),
        statusReport(b.id, 1, 'Unavailable', 30 * 60_000),
        statusReport(b.id, 1, 'Available', 20 * 60_000),
        statusReport(a.id, 1, 'Faulted', 10 * 60_000),
        // Connector 2 repeats its status (e.g. after a boot): no change.
        statusReport(a.id, 2, 'Available', 5 * 60_000),
        statusReport(theirs.id, 1, 'Available', 50 * 60_000),
        statusReport(theirs.id, 1, 'Faulted', 1 * 60_000),
      ]);

    const { recentChanges } = await getDashboardSummary({ ctx: await userContext('viewer', [own]) });
    expect(recentChanges.map(({ stationId, connector, from, to }) => ({ stationId, connector, from, to }))).toEqual([
      { stationId: a.id, connector: 1, from: 'CHARGING', to: 'OUTOFORDER' },
      { stationId: b.id, connector: 1, from: 'INOPERATIVE', to: 'AVAILABLE' },
      { stationId: a.id, connector: 1, from: 'AVAILABLE', to: 'CHARGING' },
    ]);
    expect(recentChanges[0]).toMatchObject({ ocppId: a.ocppId, name: a.name });
    expect(recentChanges.map((c) => c.at.getTime())).toEqual([...recentChanges.map((c) => c.at.getTime())].sort((x, y) => y - x));
  });
});
