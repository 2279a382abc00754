import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { BarChart } from '@/components/dashboard/bar-chart';
import { ConnectivityChart } from '@/components/dashboard/connectivity-chart';
import { RecentActivity } from '@/components/dashboard/recent-activity';
import { RecentChanges } from '@/components/dashboard/recent-changes';
import { StationBriefList } from '@/components/dashboard/station-brief-list';
import { TenantStatusTable } from '@/components/dashboard/tenant-status-table';
import { Panel } from '@/components/layout/panel';
import { StatCard } from '@/components/layout/stat-card';
import { LiveRefresh } from '@/components/live/live-refresh';
import { StatusBadge } from '@/components/status/status-badge';
import { can } from '@/lib/auth/context';
import { requirePageContext } from '@/lib/auth/page-context';
import { auditEventListQuerySchema } from '@/lib/schemas/audit-event';
import { listAuditEvents } from '@/lib/services/audit-events';
import { cachedDashboardSummary, DASHBOARD_MAX_AGE_MS } from '@/lib/portal/dashboard-summary';
import { SILENT_AFTER_MS } from '@/lib/view/stations';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Dashboard');
  return { title: t('title') };
}

export default async function DashboardPage() {
  const ctx = await requirePageContext();
  const t = await getTranslations('Dashboard');
  // A user whose roles were all taken away (or not yet granted) is signed in but sees no stations.
  if (!can(ctx, 'station:read')) {
    return (
      <div className="space-y-3">
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="max-w-prose text-sm text-gray-700">{t('noRole')}</p>
      </div>
    );
  }
  const [summary, recent] = await Promise.all([
    cachedDashboardSummary(ctx),
    can(ctx, 'audit:read') ? listAuditEvents({ ctx, query: auditEventListQuerySchema.parse({ limit: '10', sort: '-at' }) }) : null,
  ]);
  // The stations list has no "connected" filter: heard since the silence limit is the same set, less a socket closed since.
  const heardSince = new Date(summary.at.getTime() - SILENT_AFTER_MS).toISOString();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <LiveRefresh />
      </div>
      <p className="text-xs text-gray-600">{t('freshness', { seconds: DASHBOARD_MAX_AGE_MS / 1000 })}</p>
      <section aria-labelledby="now" className="space-y-2">
        <h2 id="now" className="text-lg font-medium">
          {t('now')}
        </h2>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-6">
          <StatCard
            label={t('connected')}
            value={summary.connected}
            hint={t('connectedHint')}
            href={`/charge-stations?heard_since=${encodeURIComponent(heardSince)}`}
          />
          <StatCard label={t('offline')} value={summary.offline} hint={t('offlineHint')} href="#offline-stations" />
          <StatCard label={t('faulted')} value={summary.faulted} hint={t('faultedHint')} href="/charge-stations?status=OUTOFORDER" />
          <StatCard label={t('stations')} value={summary.stations} href="/charge-stations" />
          <StatCard label={t('locations')} value={summary.locations} href="/locations" />
          <StatCard label={t('evses')} value={summary.evses} />
        </div>
      </section>
      <div className="grid gap-4 md:grid-cols-[2fr_1fr]">
        <Panel id="by-status" title={t('byStatus')}>
          <BarChart
            label={t('byStatus')}
            data={summary.byStatus.map((s) => ({
              key: s.status,
              label: <StatusBadge status={{ kind: 'station', value: s.status }} />,
              count: s.count,
              href: `/charge-stations?status=${s.status}`,
            }))}
          />
        </Panel>
        <Panel id="by-availability" title={t('byAvailability')}>
          <BarChart
            label={t('byAvailability')}
            data={summary.byAvailability.map((s) => ({
              key: s.availability,
              label: <StatusBadge status={{ kind: 'availability', value: s.availability }} />,
              count: s.count,
              href: `/charge-stations?availability=${s.availability}`,
            }))}
          />
        </Panel>
      </div>
      <Panel id="by-tenant" title={t('byTenant')}>
        <TenantStatusTable rows={summary.byTenant} tenantCount={summary.tenantCount} />
      </Panel>
      <div className="grid gap-4 lg:grid-cols-2">
        <Panel id="connectivity" title={t('connectivity')}>
          <p className="text-xs text-slate-600">{t('connectivityHelp')}</p>
          <ConnectivityChart hours={summary.connectivity} />
        </Panel>
        <Panel id="recent-changes" title={t('recentChanges')}>
          <p className="text-xs text-slate-600">{t('recentChangesHelp')}</p>
          <RecentChanges changes={summary.recentChanges} />
        </Panel>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <StationBriefList id="faulted-stations" title={t('faultedStations')} stations={summary.faultedStations} empty={t('noFaulted')} />
        <StationBriefList
          id="offline-stations"
          title={t('offlineStations')}
          stations={summary.offlineStations}
          empty={t('noOffline')}
          note={summary.neverHeard ? t('neverHeard', { count: summary.neverHeard }) : undefined}
        />
      </div>
      {recent && <RecentActivity events={recent.data} />}
    </div>
  );
}
