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

  it('buckets the last 24 hours of the caller’s stations by hour: connected, gone quiet, booted', async () => {
    const own = (await makeTenant('Hours')).id;
    const other = (await makeTenant('Not mine')).id;
    const [fresh, steady, lost, old, theirs] = await Promise.all([own, own, own, own, other].map((tenant) => makeStation(tenant)));
    const ago = (ms: number) => new Date(Date.now() - ms);
    const set = (id: string, values: Partial<typeof chargeStations.$inferInsert>) =>
      getDb().update(chargeStations).set(values).where(eq(chargeStations.id, id));
    // Connected and booted this hour.
    await set(fresh!.id, { connected: true, connectedAt: ago(0), lastBootAt: ago(0), lastHeartbeatAt: ago(0) });
    // Connected 3 hours ago and heard since: one connection in that hour, nothing lost.
    await set(steady!.id, { connected: true, connectedAt: ago(3 * HOUR), lastHeartbeatAt: ago(0) });
    // Went quiet 5 hours ago (socket closed): lost in that hour; its connection is no longer open.
    await set(lost!.id, { connected: false, connectedAt: ago(6 * HOUR), lastHeartbeatAt: ago(5 * HOUR) });
    // Everything older than 24 hours, and another tenant's station, do not count.
    await set(old!.id, { connected: false, connectedAt: ago(30 * HOUR), lastBootAt: ago(30 * HOUR), lastHeartbeatAt: ago(26 * HOUR) });
    await set(theirs!.id, { connected: true, connectedAt: ago(0), lastBootAt: ago(0), lastHeartbeatAt: ago(0) });

    const { connectivity } = await getDashboardSummary({ ctx: await userContext('viewer', [own]) });
    const hourStart = new Date();
    hourStart.setMinutes(0, 0, 0);
    const hourOf = (ms: number) => Math.floor((Date.now() - ms) / HOUR) * HOUR;
    expect(connectivity.map((h) => h.hour.getTime())).toEqual(Array.from({ length: 24 }, (_, i) => hourStart.getTime() - (23 - i) * HOUR));
    const at = (ms: number) => connectivity.find((h) => h.hour.getTime() === hourOf(ms))!;
    expect(at(0)).toMatchObject({ connected: 1, lost: 0, booted: 1 });
    expect(at(3 * HOUR)).toMatchObject({ connected: 1, lost: 0, booted: 0 });
    expect(at(5 * HOUR)).toMatchObject({ connected: 0, lost: 1, booted: 0 });
    const sum = (key: 'connected' | 'lost' | 'booted') => connectivity.reduce((n, h) => n + h[key], 0);
    expect({ connected: sum('connected'), lost: sum('lost'), booted: sum('booted') }).toEqual({ connected: 2, lost: 1, booted: 1 });
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
