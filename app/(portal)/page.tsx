import type { Metadata } from 'next';
import { RecentActivity } from '@/components/dashboard/recent-activity';
import { StationBriefList } from '@/components/dashboard/station-brief-list';
import { BarChart } from '@/components/dashboard/bar-chart';
import { StatCard } from '@/components/layout/stat-card';
import { LiveRefresh } from '@/components/live/live-refresh';
import { can } from '@/lib/auth/context';
import { requirePageContext } from '@/lib/auth/page-context';
import { auditEventListQuerySchema } from '@/lib/schemas/audit-event';
import { listAuditEvents } from '@/lib/services/audit-events';
import { cachedDashboardSummary, DASHBOARD_MAX_AGE_MS } from '@/lib/portal/dashboard-summary';
import { Panel } from '@/components/layout/panel';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const ctx = await requirePageContext();
  // A user whose roles were all taken away (or not yet granted) is signed in but sees no stations.
  if (!can(ctx, 'station:read')) {
    return (
      <div className="space-y-3">
        <h1 className="text-2xl font-semibold">Dashboard</h1>
        <p className="max-w-prose text-sm text-gray-700">
          Your account has no role in any customer yet, so there is nothing to show. Ask your administrator to grant you access.
        </p>
      </div>
    );
  }
  const [summary, recent] = await Promise.all([
    cachedDashboardSummary(ctx),
    can(ctx, 'audit:read') ? listAuditEvents({ ctx, query: auditEventListQuerySchema.parse({ limit: '10', sort: '-at' }) }) : null,
  ]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Dashboard</h1>
        <LiveRefresh />
      </div>
      <p className="text-xs text-gray-600">Counts are at most {DASHBOARD_MAX_AGE_MS / 1000} seconds old.</p>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-5">
        <StatCard label="Locations" value={summary.locations} />
        <StatCard label="Charge stations" value={summary.stations} />
        <StatCard label="EVSEs" value={summary.evses} />
        {/* Offline: not connected, or connected but silent for 15 minutes; every other station is connected and heard. */}
        <StatCard label="Connected stations" value={summary.stations - summary.offline} hint="heard in the last 15 min" />
        <StatCard label="Offline stations" value={summary.offline} hint="no connection, or silent 15 min" />
      </div>
      <div className="grid gap-4 md:grid-cols-[2fr_1fr]">
        <Panel id="by-status" title="Stations by status">
          <BarChart label="Stations by status" data={summary.byStatus.map((s) => ({ key: s.status, count: s.count }))} />
        </Panel>
        <Panel id="by-availability" title="Stations by availability">
          <BarChart label="Stations by availability" data={summary.byAvailability.map((s) => ({ key: s.availability, count: s.count }))} />
        </Panel>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <StationBriefList title="Faulted stations" stations={summary.faultedStations} empty="No station reports a fault." />
        <StationBriefList title="Offline stations" stations={summary.offlineStations} empty="Every station that reported is online." />
      </div>
      {recent && <RecentActivity events={recent.data} />}
    </div>
  );
}
