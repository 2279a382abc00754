import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { OcppMessageLog } from '@/components/charge-stations/ocpp-message-log';
import { ResetForm } from '@/components/charge-stations/reset-form';
import { EntityHistory } from '@/components/audit/entity-history';
import { StationCommands } from '@/components/charge-stations/station-commands';
import { StationDetailsForm, StationLinkForms, StationNotesForm } from '@/components/charge-stations/station-edit-forms';
import { StationEvseSummary, StationEvses } from '@/components/charge-stations/station-evses';
import { StationHeader } from '@/components/charge-stations/station-header';
import { ConfigurationEditor, MaintenanceEditor } from '@/components/charge-stations/station-settings';
import { StationTabs } from '@/components/charge-stations/station-tabs';
import { StationTests } from '@/components/charge-stations/station-tests';
import { ListNotice } from '@/components/data-table/list-notice';
import { Pager } from '@/components/data-table/pager';
import { DetailList } from '@/components/layout/detail-list';
import { Panel } from '@/components/layout/panel';
import { StatusBadge } from '@/components/status/status-badge';
import type { AuthContext } from '@/lib/auth/context';
import { formatNumber, formatTimestamp } from '@/lib/format';
import { loadListPage } from '@/lib/portal/list-page';
import { loadDetailPage } from '@/lib/portal/or-not-found';
import {
  loadStationConfiguration,
  loadStationHistory,
  loadStationLocationName,
  loadTariffChoices,
  stationPermissions,
  type StationPermissions,
} from '@/lib/portal/station-detail';
import { stationLogQuerySchema, type ChargeStation } from '@/lib/schemas/charge-station';
import { getChargeStation, getLatestTestRun, listOcppMessages, listStationCommands } from '@/lib/services/charge-stations';
import { STATION_TABS, stationTab } from '@/lib/view/stations';
import { linkStation, resetStation, runStationTest, setStationAvailability, setStationTariffs, unlinkStation } from './actions';
import { addMaintenanceWindow, removeMaintenanceWindow, saveConfigurationKey, saveStationDetails, saveStationNotes } from './edit-actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Station'))('title') };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ChargeStationPage({ params, searchParams }: Props) {
  // Resolved before anything streams: missing and out-of-scope are the same HTTP 404.
  const { ctx, object: station } = await loadDetailPage(params, getChargeStation);
  const { tab: tabParam, ...query } = await searchParams;
  const may = stationPermissions(ctx, station);
  const tabs = STATION_TABS.filter((tab) => tab !== 'history' || may.audit);
  const tab = tabs.find((t) => t === stationTab(tabParam)) ?? 'overview';
  const [locationName, run] = await Promise.all([
    loadStationLocationName(ctx, station),
    tab === 'tests' ? getLatestTestRun({ ctx, id: station.id }) : null,
  ]);
  const props = { ctx, station, may };
  return (
    <article className="space-y-4">
      <StationHeader
        station={station}
        locationName={locationName}
        setAvailability={may.availability ? setStationAvailability : undefined}
        // While a test runs its steps are shown as they go.
        liveIntervalMs={run?.status === 'RUNNING' ? 1000 : 5000}
      />
      <StationTabs stationId={station.id} tabs={tabs} current={tab} />
      {tab === 'overview' && <Overview {...props} />}
      {tab === 'evses' && <Evses {...props} />}
      {tab === 'configuration' && <Configuration {...props} />}
      {tab === 'maintenance' && <Maintenance {...props} />}
      {tab === 'notes' && <Notes {...props} />}
      {tab === 'tests' && (
        <Panel framed={false} id="tests" title={(await getTranslations('TestRun'))('heading')}>
          <StationTests station={station} run={run} test={may.test ? runStationTest : undefined} />
        </Panel>
      )}
      {tab === 'messages' && <Messages {...props} searchParams={query} />}
      {tab === 'commands' && <Commands {...props} searchParams={query} />}
      {tab === 'history' && <History {...props} />}
    </article>
  );
}

type TabProps = { ctx: AuthContext; station: ChargeStation; may: StationPermissions };

async function Overview({ station, may }: TabProps) {
  const [t, common, locale] = await Promise.all([getTranslations('Station'), getTranslations('Common'), getLocale()]);
  const none = common('none');
  const utc = (at: string | null) => (at ? common('utc', { time: formatTimestamp(at, locale) }) : none);
  const rows: [string, ReactNode][] = [
    [t('ocppId'), station.ocpp_id],
    [t('commissioning'), <StatusBadge key="commissioning" status={{ kind: 'commissioning', value: station.commissioning_status }} />],
    [t('vendorModel'), [station.vendor, station.model].filter(Boolean).join(' ') || none],
    [t('serialNumber'), station.serial_number ?? none],
    [t('firmware'), station.firmware_version ?? none],
    [
      t('chargerType'),
      station.max_power_kw
        ? t('chargerTypeWithPower', { type: station.charger_type, power: formatNumber(station.max_power_kw, locale) })
        : station.charger_type,
    ],
    [t('access'), station.access ?? none],
    [t('registration'), t(`registrationWords.${station.registration}`)],
    [t('lastHeardAt'), utc(station.last_heartbeat_at)],
    [t('connectedSince'), station.connected ? utc(station.connected_at) : none],
    [t('lastBoot'), utc(station.last_boot_at)],
    [t('sim'), [station.iccid, station.imsi].filter(Boolean).join(' / ') || none],
    [t('firmwareUpdate'), station.firmware_status ?? none],
    [t('diagnosticsUpload'), station.diagnostics_status ?? none],
  ];
  return (
    <div className="space-y-6">
      <Panel framed={false} id="evse-summary" title={t('evsesAtAGlance')}>
        <StationEvseSummary station={station} />
      </Panel>
      <Panel framed={false} id="details" title={t('details')}>
        <DetailList rows={rows} />
      </Panel>
      {may.write && (
        <Panel framed={false} id="edit" title={t('editDetails')}>
          <StationDetailsForm action={saveStationDetails} station={station} />
        </Panel>
      )}
      {may.link && (
        <Panel framed={false} id="location" title={t('location')}>
          <StationLinkForms link={linkStation} unlink={unlinkStation} station={station} />
        </Panel>
      )}
    </div>
  );
}

async function Evses({ ctx, station, may }: TabProps) {
  const [t, offered] = await Promise.all([getTranslations('StationTabs'), loadTariffChoices(ctx, station, may)]);
  return (
    <Panel framed={false} id="evses" title={t('evses')}>
      <StationEvses
        station={station}
        offered={offered}
        setAvailability={may.availability ? setStationAvailability : undefined}
        setTariffs={may.tariff ? setStationTariffs : undefined}
      />
    </Panel>
  );
}

async function Configuration({ ctx, station, may }: TabProps) {
  const [t, { keys, reportedAt }] = await Promise.all([getTranslations('Configuration'), loadStationConfiguration(ctx, station)]);
  return (
    <Panel framed={false} id="configuration" title={t('heading')}>
      <ConfigurationEditor action={may.write ? saveConfigurationKey : undefined} station={station} keys={keys} reportedAt={reportedAt} />
    </Panel>
  );
}

async function Maintenance({ station, may }: TabProps) {
  const t = await getTranslations('Maintenance');
  return (
    <Panel framed={false} id="maintenance" title={t('heading')}>
      <MaintenanceEditor
        add={may.maintenance ? addMaintenanceWindow : undefined}
        remove={may.maintenance ? removeMaintenanceWindow : undefined}
        station={station}
        windows={station.maintenance_windows}
      />
    </Panel>
  );
}

async function Notes({ station, may }: TabProps) {
  const [t, words] = await Promise.all([getTranslations('StationNotes'), getTranslations('Station')]);
  return (
    <Panel framed={false} id="notes" title={t('heading')}>
      {may.write ? (
        <StationNotesForm action={saveStationNotes} station={station} />
      ) : (
        <DetailList
          rows={[
            [words('groups'), station.custom_groups.join(', ') || t('noGroups')],
            [
              words('remarks'),
              <span key="remarks" className="whitespace-pre-line">
                {station.remarks ?? t('noRemarks')}
              </span>,
            ],
          ]}
        />
      )}
    </Panel>
  );
}

type LogProps = TabProps & { searchParams: Record<string, string | string[] | undefined> };

async function Messages({ ctx, station, searchParams }: LogProps) {
  const [t, { page, notice, params }] = await Promise.all([
    getTranslations('OcppLog'),
    loadListPage(stationLogQuerySchema, searchParams, { limit: '50' }, (query) => listOcppMessages({ ctx, id: station.id, query })),
  ]);
  params.set('tab', 'messages');
  return (
    <Panel framed={false} id="messages" title={t('heading')}>
      <ListNotice notice={notice} />
      <OcppMessageLog messages={page.data} />
      <Pager params={params} nextCursor={page.next_cursor} />
    </Panel>
  );
}

async function Commands({ ctx, station, may, searchParams }: LogProps) {
  const [t, reset, { page, notice, params }] = await Promise.all([
    getTranslations('Commands'),
    getTranslations('StationReset'),
    loadListPage(stationLogQuerySchema, searchParams, { limit: '50' }, (query) => listStationCommands({ ctx, id: station.id, query })),
  ]);
  params.set('tab', 'commands');
  return (
    <div className="space-y-6">
      {may.write && (
        <Panel framed={false} id="reset" title={reset('heading')}>
          <div className="rounded-lg border border-slate-200 bg-white p-3">
            <ResetForm action={resetStation} stationId={station.id} />
          </div>
        </Panel>
      )}
      <Panel framed={false} id="commands" title={t('heading')}>
        <ListNotice notice={notice} />
        <StationCommands commands={page.data} />
        <Pager params={params} nextCursor={page.next_cursor} />
      </Panel>
    </div>
  );
}

async function History({ ctx, station, may }: TabProps) {
  const [t, events] = await Promise.all([getTranslations('StationHistory'), loadStationHistory(ctx, station, may)]);
  return (
    <Panel framed={false} id="history" title={t('heading')}>
      <EntityHistory entity="charge_station" entityId={station.id} events={events} fullLabel={t('full')} testId="station-audit" />
    </Panel>
  );
}
