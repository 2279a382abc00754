import type { Metadata } from 'next';
import Link from 'next/link';
import { AvailabilityForm, TariffCodesForm } from '@/components/charge-stations/station-controls';
import { DetailList } from '@/components/layout/detail-list';
import { can } from '@/lib/auth/context';
import { requirePageContext } from '@/lib/auth/page-context';
import { orNotFound } from '@/lib/portal/or-not-found';
import { tariffListQuerySchema } from '@/lib/schemas/tariff';
import { getChargeStation } from '@/lib/services/charge-stations';
import { listTariffs } from '@/lib/services/tariffs';
import { setStationAvailability, setStationTariffs } from './actions';

export const metadata: Metadata = { title: 'Charge station' };

type Props = { params: Promise<{ id: string }> };

export default async function ChargeStationPage({ params }: Props) {
  const ctx = await requirePageContext();
  const { id } = await params;
  const station = await orNotFound(() => getChargeStation({ ctx, id }));
  // Controls appear only where the server would accept them; the actions check again anyway.
  const mayToggle = can(ctx, 'station:availability', station.tenant_id);
  const mayTariff = can(ctx, 'station:tariff', station.tenant_id) && station.tenant_id !== null && station.evses.length > 0;
  const offered = mayTariff
    ? (await listTariffs({ ctx, query: tariffListQuerySchema.parse({ tenant: station.tenant_id, limit: '1000', sort: 'id' }) })).data
    : [];
  const currentTariffs = [...new Set(station.evses.flatMap((e) => e.connectors.flatMap((c) => c.tariff_ids)))];
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
    ['Last heartbeat', station.last_heartbeat_at?.replace('T', ' ').slice(0, 16) ?? '—'],
  ];
  return (
    <article className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{station.name ?? station.ocpp_id}</h1>
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
      {mayToggle && (
        <AvailabilityForm action={setStationAvailability} id={station.id} version={station.version} availability={station.availability} />
      )}

      <section aria-labelledby="evses" className="space-y-2">
        <h2 id="evses" className="text-lg font-medium">
          EVSEs and connectors
        </h2>
        {station.evses.length === 0 && <p className="text-slate-500">No EVSEs.</p>}
        {station.evses.map((evse) => (
          <div key={evse.uid} className="rounded-lg border border-slate-200 bg-white p-3">
            <p className="font-medium">
              {evse.evse_id ?? 'EVSE'} — {evse.status}, {evse.availability}
            </p>
            <div className="overflow-x-auto">
              <table className="mt-2 min-w-full text-sm">
                <caption className="sr-only">Connectors of {evse.evse_id ?? 'this EVSE'}</caption>
                <thead>
                  <tr className="text-left text-slate-600">
                    <th scope="col" className="pr-4">Connector</th>
                    <th scope="col" className="pr-4">Standard</th>
                    <th scope="col" className="pr-4">Power</th>
                    <th scope="col">Tariff codes</th>
                  </tr>
                </thead>
                <tbody>
                  {evse.connectors.map((c) => (
                    <tr key={c.id}>
                      <td className="pr-4">{c.id}</td>
                      <td className="pr-4">
                        {c.standard} ({c.format.toLowerCase()})
                      </td>
                      <td className="pr-4 whitespace-nowrap">
                        {c.power_type}, {c.max_voltage} V / {c.max_amperage} A
                      </td>
                      <td>{c.tariff_ids.join(', ') || '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        ))}
        {mayTariff && (
          <TariffCodesForm action={setStationTariffs} id={station.id} version={station.version} offered={offered} current={currentTariffs} />
        )}
      </section>

      <section aria-labelledby="configuration" className="space-y-2">
        <h2 id="configuration" className="text-lg font-medium">
          Configuration (desired)
        </h2>
        <DetailList rows={Object.entries(station.configuration).map(([key, value]) => [key, value])} />
      </section>

      <section aria-labelledby="maintenance" className="space-y-2">
        <h2 id="maintenance" className="text-lg font-medium">
          Maintenance windows
        </h2>
        {station.maintenance_windows.length === 0 ? (
          <p className="text-slate-500">None planned.</p>
        ) : (
          <ul className="list-disc pl-6">
            {station.maintenance_windows.map((w) => (
              <li key={w.starts_at}>
                {w.starts_at.replace('T', ' ').slice(0, 16)} – {w.ends_at.replace('T', ' ').slice(0, 16)}
                {w.reason ? `: ${w.reason}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
