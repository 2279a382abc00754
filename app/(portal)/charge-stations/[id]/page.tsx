import type { Metadata } from 'next';
import Link from 'next/link';
import { StationAudit } from '@/components/charge-stations/station-audit';
import { AvailabilityForm } from '@/components/charge-stations/station-controls';
import { StationDetailsForm, StationLinkForms, StationNotesForm } from '@/components/charge-stations/station-edit-forms';
import { StationEvses } from '@/components/charge-stations/station-evses';
import { ConfigurationEditor, MaintenanceEditor } from '@/components/charge-stations/station-settings';
import { StationTabs } from '@/components/charge-stations/station-tabs';
import { SyncState } from '@/components/charge-stations/sync-state';
import { DetailList } from '@/components/layout/detail-list';
import { Panel } from '@/components/layout/panel';
import { ConnectionState, LastHeard } from '@/components/live/connection-state';
import { LiveRefresh } from '@/components/live/live-refresh';
import { formatTimestamp } from '@/lib/format';
import { loadDetailPage } from '@/lib/portal/or-not-found';
import { loadStationConfiguration, loadStationDetailExtras } from '@/lib/portal/station-detail';
import { getChargeStation, listOcppMessages, listStationCommands } from '@/lib/services/charge-stations';
import { loadListPage } from '@/lib/portal/list-page';
import { ListNotice } from '@/components/data-table/list-notice';
import { Pager } from '@/components/data-table/pager';
import { OcppMessageLog } from '@/components/charge-stations/ocpp-message-log';
import { StationCommands } from '@/components/charge-stations/station-commands';
import { ResetForm } from '@/components/charge-stations/reset-form';
import { stationLogQuerySchema, type ChargeStation } from '@/lib/schemas/charge-station';
import type { AuthContext } from '@/lib/auth/context';
import { REGISTRATION_WORDS, stationTab } from '@/lib/view/stations';
import { linkStation, resetStation, setStationAvailability, setStationTariffs, unlinkStation } from './actions';
import { addMaintenanceWindow, removeMaintenanceWindow, saveConfigurationKey, saveStationDetails, saveStationNotes } from './edit-actions';

export const metadata: Metadata = { title: 'Charge station' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ChargeStationPage({ params, searchParams }: Props) {
  // Resolved before anything streams: missing and out-of-scope are the same HTTP 404.
  const { ctx, object: station } = await loadDetailPage(params, getChargeStation);
  const { tab: tabParam, ...query } = await searchParams;
  const tab = stationTab(tabParam);
  return (
    <article className="space-y-4">
      <header className="space-y-1">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 className="text-2xl font-semibold break-all">{station.name ?? station.ocpp_id}</h1>
          <LiveRefresh />
        </div>
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
          <ConnectionState station={station} />
          <span>
            last heard <LastHeard at={station.last_heartbeat_at} />
          </span>
          <span data-testid="station-status">{station.status}</span>
          {station.location_id ? (
            <Link href={`/locations/${station.location_id}`} className="text-brand-700 underline">
              Open its location
            </Link>
          ) : (
            <span>Not linked to a location</span>
          )}
        </p>
      </header>
      <StationTabs stationId={station.id} current={tab} />
      {tab === 'overview' && <Overview ctx={ctx} station={station} />}
      {tab === 'configuration' && <Configuration ctx={ctx} station={station} />}
      {tab === 'messages' && <Messages ctx={ctx} station={station} searchParams={query} />}
      {tab === 'commands' && <Commands ctx={ctx} station={station} searchParams={query} />}
    </article>
  );
}

type TabProps = { ctx: AuthContext; station: ChargeStation };

async function Overview({ ctx, station }: TabProps) {
  // Controls appear only where the server would accept them; the actions check again anyway.
  const { may, offered, audit } = await loadStationDetailExtras(ctx, station);
  const rows: [string, string][] = [
    ['OCPP id', station.ocpp_id],
    ['Commissioning', station.commissioning_status],
    ['Vendor / model', [station.vendor, station.model].filter(Boolean).join(' ') || '—'],
    ['Serial number', station.serial_number ?? '—'],
    ['Firmware', station.firmware_version ?? '—'],
    ['Charger type', `${station.charger_type}${station.max_power_kw ? `, ${station.max_power_kw} kW` : ''}`],
    ['Access', station.access ?? '—'],
    ['Groups', station.custom_groups.join(', ') || '—'],
    ['Remarks', station.remarks ?? '—'],
    ['Registration', REGISTRATION_WORDS[station.registration]],
    ['Last heard', `${formatTimestamp(station.last_heartbeat_at)}${station.last_heartbeat_at ? ' UTC' : ''}`],
    ['Connected since', station.connected && station.connected_at ? `${formatTimestamp(station.connected_at)} UTC` : '—'],
    ['Last boot', station.last_boot_at ? `${formatTimestamp(station.last_boot_at)} UTC` : '—'],
    ['SIM (ICCID / IMSI)', [station.iccid, station.imsi].filter(Boolean).join(' / ') || '—'],
    ['Firmware update', station.firmware_status ?? '—'],
    ['Diagnostics upload', station.diagnostics_status ?? '—'],
  ];
  return (
    <div className="space-y-6">
      <DetailList rows={rows} />
      <Panel framed={false} id="availability" title="Availability">
        <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-3">
          <p>
            Desired: <span className="font-medium">{station.availability}</span>
          </p>
          <SyncState kind="availability" state={station.availability_sync} testId="station-availability-sync" />
          {may.availability && <AvailabilityForm action={setStationAvailability} station={station} availability={station.availability} />}
        </div>
      </Panel>

      <Panel framed={false} id="evses" title="EVSEs and connectors">
        <StationEvses
          station={station}
          offered={offered}
          setAvailability={may.availability ? setStationAvailability : undefined}
          setTariffs={may.tariff ? setStationTariffs : undefined}
        />
      </Panel>

      {may.write && (
        <Panel framed={false} id="reset" title="Reset">
          <div className="rounded-lg border border-slate-200 bg-white p-3">
            <ResetForm action={resetStation} stationId={station.id} />
          </div>
        </Panel>
      )}

      {may.write && (
        <Panel framed={false} id="edit" title="Edit details">
          <StationDetailsForm action={saveStationDetails} station={station} />
          <StationNotesForm action={saveStationNotes} station={station} />
        </Panel>
      )}

      {may.link && (
        <Panel framed={false} id="location" title="Location">
          <StationLinkForms link={linkStation} unlink={unlinkStation} station={station} />
        </Panel>
      )}

      <Panel framed={false} id="maintenance" title="Maintenance windows">
        <MaintenanceEditor
          add={may.maintenance ? addMaintenanceWindow : undefined}
          remove={may.maintenance ? removeMaintenanceWindow : undefined}
          station={station}
          windows={station.maintenance_windows}
        />
      </Panel>

      {may.audit && (
        <Panel framed={false} id="history" title="Audit history">
          <StationAudit stationId={station.id} events={audit} />
        </Panel>
      )}
    </div>
  );
}

async function Configuration({ ctx, station }: TabProps) {
  const { may, keys, reportedAt } = await loadStationConfiguration(ctx, station);
  return (
    <Panel framed={false} id="configuration" title="Configuration: desired and reported">
      <ConfigurationEditor action={may.write ? saveConfigurationKey : undefined} station={station} keys={keys} reportedAt={reportedAt} />
    </Panel>
  );
}

type LogProps = TabProps & { searchParams: Record<string, string | string[] | undefined> };

async function Messages({ ctx, station, searchParams }: LogProps) {
  const { page, notice, params } = await loadListPage(stationLogQuerySchema, searchParams, { limit: '50' }, (query) =>
    listOcppMessages({ ctx, id: station.id, query }),
  );
  params.set('tab', 'messages');
  return (
    <Panel framed={false} id="messages" title="OCPP messages, newest first">
      <ListNotice notice={notice} />
      <OcppMessageLog messages={page.data} />
      <Pager params={params} nextCursor={page.next_cursor} />
    </Panel>
  );
}

async function Commands({ ctx, station, searchParams }: LogProps) {
  const { page, notice, params } = await loadListPage(stationLogQuerySchema, searchParams, { limit: '50' }, (query) =>
    listStationCommands({ ctx, id: station.id, query }),
  );
  params.set('tab', 'commands');
  return (
    <Panel framed={false} id="commands" title="Commands, newest first">
      <ListNotice notice={notice} />
      <StationCommands commands={page.data} />
      <Pager params={params} nextCursor={page.next_cursor} />
    </Panel>
  );
}
