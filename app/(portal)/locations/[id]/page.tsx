import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { ConfirmDelete } from '@/components/forms/confirm-delete';
import { DetailList } from '@/components/layout/detail-list';
import { PageHeader } from '@/components/layout/page-header';
import { Panel } from '@/components/layout/panel';
import { EntityHistory } from '@/components/audit/entity-history';
import { LocationStations } from '@/components/locations/location-stations';
import { LocationTabs } from '@/components/locations/location-tabs';
import { LocationsMap } from '@/components/map/lazy-maps';
import { BasemapNote } from '@/components/map/map-notes';
import { StatusBadge } from '@/components/status/status-badge';
import { can, type AuthContext } from '@/lib/auth/context';
import { formatNumber, formatTimestamp } from '@/lib/format';
import { mapTileUrl } from '@/lib/portal/map-tiles';
import { loadDetailPage } from '@/lib/portal/or-not-found';
import { tenantNames } from '@/lib/portal/tenant-choices';
import { auditEventListQuerySchema } from '@/lib/schemas/audit-event';
import { chargeStationListQuerySchema } from '@/lib/schemas/charge-station';
import type { Location } from '@/lib/schemas/location';
import { listAuditEvents } from '@/lib/services/audit-events';
import { listChargeStations } from '@/lib/services/charge-stations';
import { countLocationStations, getLocation } from '@/lib/services/locations';
import { LOCATION_TABS, locationTab, WEEKDAYS } from '@/lib/view/locations';
import { tileAttribution, toMapPoint } from '@/lib/view/map';
import { deleteLocationAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Location'))('title') };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
type T = Awaited<ReturnType<typeof getTranslations<'Location'>>>;

const STATIONS_SHOWN = 100;
const HISTORY_SHOWN = 20;

function openingTimes(opening: Location['opening_times'], t: T): string {
  if (!opening) return '—';
  if (opening.twentyfourseven) return t('open247');
  const hours = opening.regular_hours ?? [];
  if (!hours.length) return t('closedNoHours');
  return WEEKDAYS.map((day) => {
    const periods = hours.filter((h) => h.weekday === day).map((h) => `${h.period_begin}–${h.period_end}`);
    return `${t(`weekdayShort.${day}`)} ${periods.join(', ') || t('closed')}`;
  }).join(' · ');
}

export default async function LocationPage({ params, searchParams }: Props) {
  // Resolved before anything streams, so a missing or foreign id answers HTTP 404.
  const { ctx, object: location } = await loadDetailPage(params, getLocation);
  const tab = locationTab((await searchParams).tab);
  const [t, words, locale, tenants, counts] = await Promise.all([
    getTranslations('Location'),
    getTranslations('Status'),
    getLocale(),
    tenantNames(ctx),
    can(ctx, 'station:read') ? countLocationStations({ ctx, id: location.id }) : [],
  ]);
  const mayWrite = can(ctx, 'location:write', location.tenant_id);
  const tabs = LOCATION_TABS.filter((id) => id !== 'history' || can(ctx, 'audit:read', location.tenant_id));
  const shown = tabs.includes(tab) ? tab : 'overview';
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  const address = [location.address, [location.postal_code, location.city].filter(Boolean).join(' ')].join(', ');
  return (
    <article className="space-y-4">
      <PageHeader title={location.name} action={mayWrite ? { href: `/locations/${location.id}/edit`, label: t('edit') } : undefined} />
      <div className="space-y-2">
        <p className="break-words text-slate-700">
          {address} · {location.country}
          {tenants[location.tenant_id] && (
            <>
              {' · '}
              <span className="text-slate-600">{t('tenant')}:</span> {tenants[location.tenant_id]}
            </>
          )}
        </p>
        <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="location-status-counts">
          <span className="font-medium">{t('stationCount', { count: total })}</span>
          {counts.map(({ status, count }) => (
            <Link
              key={status}
              href={`/charge-stations?location_id=${location.id}&status=${status}`}
              className="inline-flex items-center gap-1 rounded hover:underline"
              aria-label={t('statusCount', { count, status: words(`station.${status}`) })}
            >
              <StatusBadge status={{ kind: 'station', value: status }} />
              <span aria-hidden="true">{formatNumber(count, locale)}</span>
            </Link>
          ))}
        </div>
      </div>
      <LocationTabs locationId={location.id} current={shown} tabs={tabs} />
      {shown === 'overview' && <Overview ctx={ctx} location={location} t={t} locale={locale} />}
      {shown === 'map' && <MapSection location={location} t={t} />}
      {shown === 'maintenance' && <Maintenance location={location} mayWrite={mayWrite} t={t} />}
      {shown === 'remarks' && <Remarks location={location} mayWrite={mayWrite} t={t} />}
      {shown === 'history' && <History ctx={ctx} location={location} />}
    </article>
  );
}

type SectionProps = { location: Location; t: T };

async function Overview({ ctx, location, t, locale }: SectionProps & { ctx: AuthContext; locale: Awaited<ReturnType<typeof getLocale>> }) {
  const stations = await listChargeStations({
    ctx,
    query: chargeStationListQuerySchema.parse({ location_id: location.id, limit: String(STATIONS_SHOWN), sort: 'name' }),
  });
  const rows: [string, string][] = [
    [t('address'), `${location.address}, ${location.postal_code ?? ''} ${location.city}`],
    [t('country'), location.country],
    [t('coordinates'), `${location.coordinates.latitude}, ${location.coordinates.longitude}`],
    [t('externalId'), location.external_id ?? '—'],
    [t('parkingTypeLabel'), location.parking_type ? t(`parkingType.${location.parking_type}`) : '—'],
    [t('facilitiesLabel'), location.facilities.map((f) => t(`facility.${f}`)).join(', ') || '—'],
    [t('openingTimes'), openingTimes(location.opening_times, t)],
    [t('stations'), formatNumber(location.stations_count, locale)],
    [t('evses'), formatNumber(location.evses_count, locale)],
    [t('updated'), t('updatedValue', { at: formatTimestamp(location.updated_at, locale), version: location.version })],
  ];
  return (
    <div className="space-y-4">
      <LocationStations
        stations={stations.data}
        more={stations.next_cursor !== null}
        allHref={`/charge-stations?location_id=${location.id}`}
      />
      <Panel id="location-details" title={t('details')} framed={false}>
        <DetailList rows={rows} />
      </Panel>
      {can(ctx, 'location:delete', location.tenant_id) && (
        <ConfirmDelete action={deleteLocationAction} target={location} what={t('deleteWhat')} consequence={t('deleteConsequence')} />
      )}
    </div>
  );
}

function MapSection({ location, t }: SectionProps) {
  const tileUrl = mapTileUrl();
  return (
    <Panel id="location-map" title={t('tab.map')} framed={false}>
      <LocationsMap
        points={[toMapPoint(location)]}
        tileUrl={tileUrl}
        attribution={tileAttribution(tileUrl)}
        label={t('mapLabel')}
        className="h-[28rem] max-h-[70vh]"
      />
      <BasemapNote tileUrl={tileUrl} />
      <p className="text-sm text-slate-700">
        {t('coordinates')}: {location.coordinates.latitude}, {location.coordinates.longitude}
      </p>
    </Panel>
  );
}

function EditLink({ location, section, label }: { location: Location; section: string; label: string }) {
  return (
    <Link href={`/locations/${location.id}/edit#${section}`} className="text-sm text-brand-700 underline">
      {label}
    </Link>
  );
}

function Maintenance({ location, mayWrite, t }: SectionProps & { mayWrite: boolean }) {
  const m = location.maintenance;
  const rows: [string, string][] = [
    [t('contractor'), m?.contractor ?? '—'],
    [t('contractReference'), m?.contract_reference ?? '—'],
    [t('lastService'), m?.last_service_date ?? '—'],
    [t('nextService'), m?.next_service_date ?? '—'],
    [t('maintenanceNotes'), m?.notes ?? '—'],
  ];
  return (
    <Panel id="location-maintenance" title={t('tab.maintenance')} framed={false}>
      <DetailList rows={rows} />
      {mayWrite && <EditLink location={location} section="loc-maintenance" label={t('editMaintenance')} />}
    </Panel>
  );
}

function Remarks({ location, mayWrite, t }: SectionProps & { mayWrite: boolean }) {
  return (
    <Panel id="location-remarks" title={t('tab.remarks')} framed={false}>
      <DetailList
        rows={[
          [
            t('remarks'),
            <span key="remarks" className="whitespace-pre-wrap">
              {location.remarks ?? '—'}
            </span>,
          ],
          [t('groups'), location.custom_groups.join(', ') || '—'],
        ]}
      />
      {mayWrite && <EditLink location={location} section="loc-site" label={t('editRemarks')} />}
    </Panel>
  );
}

async function History({ ctx, location }: { ctx: AuthContext; location: Location }) {
  const t = await getTranslations('Location');
  const events = await listAuditEvents({
    ctx,
    query: auditEventListQuerySchema.parse({ entity: 'location', entity_id: location.id, sort: '-at', limit: String(HISTORY_SHOWN) }),
  });
  return (
    <Panel id="location-history" title={t('tab.history')} framed={false}>
      <EntityHistory entity="location" entityId={location.id} events={events.data} fullLabel={t('fullHistory')} testId="location-history" />
    </Panel>
  );
}
