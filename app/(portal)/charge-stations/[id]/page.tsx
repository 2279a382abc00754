import type { Metadata } from 'next';
import Link from 'next/link';
import { StationAudit } from '@/components/charge-stations/station-audit';
import { AvailabilityForm } from '@/components/charge-stations/station-controls';
import { StationDetailsForm, StationLinkForms, StationNotesForm } from '@/components/charge-stations/station-edit-forms';
import { StationEvses } from '@/components/charge-stations/station-evses';
import { ConfigurationEditor, MaintenanceEditor } from '@/components/charge-stations/station-settings';
import { DetailList } from '@/components/layout/detail-list';
import { loadDetailPage } from '@/lib/portal/or-not-found';
import { loadStationDetailExtras } from '@/lib/portal/station-detail';
import { getChargeStation } from '@/lib/services/charge-stations';
import { linkStation, setStationAvailability, setStationTariffs, unlinkStation } from './actions';
import { addMaintenanceWindow, removeMaintenanceWindow, saveConfigurationKey, saveStationDetails, saveStationNotes } from './edit-actions';
import { Panel } from '@/components/layout/panel';
import { formatTimestamp } from '@/lib/format';

export const metadata: Metadata = { title: 'Charge station' };

type Props = { params: Promise<{ id: string }> };

export default async function ChargeStationPage({ params }: Props) {
  // Resolved before anything streams: missing and out-of-scope are the same HTTP 404.
  const { ctx, object: station } = await loadDetailPage(params, getChargeStation);
  // Controls appear only where the server would accept them; the actions check again anyway.
  const { may, offered, audit } = await loadStationDetailExtras(ctx, station);
  const rows: [string, string][] = [
    ['OCPP id', station.ocpp_id],
    ['Status', `${station.status}${station.connected ? ' (connected)' : ' (not connected)'}`],
    ['Availability', `${station.availability} — sync ${station.availability_sync}`],
    ['Commissioning', station.commissioning_status],
    ['Vendor / model', [station.vendor, station.model].filter(Boolean).join(' ') || '—'],
    ['Serial number', station.serial_number ?? '—'],
    ['Firmware', station.firmware_version ?? '—'],
    ['Charger type', `${station.charger_type}${station.max_power_kw ? `, ${station.max_power_kw} kW` : ''}`],
    ['Access', station.access ?? '—'],
    ['Groups', station.custom_groups.join(', ') || '—'],
    ['Remarks', station.remarks ?? '—'],
    ['Last heartbeat', formatTimestamp(station.last_heartbeat_at)],
  ];
  return (
    <article className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold break-all">{station.name ?? station.ocpp_id}</h1>
        <p className="text-sm text-slate-600">
          {station.location_id ? (
            <Link href={`/locations/${station.location_id}`} className="text-brand-700 underline">
              Open its location
            </Link>
          ) : (
            'Not linked to a location'
          )}
        </p>
      </header>
      <DetailList rows={rows} />
      {may.availability && <AvailabilityForm action={setStationAvailability} station={station} availability={station.availability} />}

      <Panel framed={false} id="evses" title="EVSEs and connectors">
        <StationEvses
          station={station}
          offered={offered}
          setAvailability={may.availability ? setStationAvailability : undefined}
          setTariffs={may.tariff ? setStationTariffs : undefined}
        />
      </Panel>

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

      <Panel framed={false} id="configuration" title="Configuration (desired)">
        <ConfigurationEditor
          action={may.write ? saveConfigurationKey : undefined}
          station={station}
          configuration={station.configuration}
        />
      </Panel>

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
    </article>
  );
}
