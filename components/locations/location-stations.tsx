import Link from 'next/link';
import type { ChargeStation } from '@/lib/schemas/charge-station';
import { ScrollBox } from '@/components/layout/scroll-box';
import { Panel } from '@/components/layout/panel';
import { RowLink } from '@/components/data-table/row-link';

type StationRow = Pick<ChargeStation, 'id' | 'name' | 'ocpp_id' | 'status' | 'availability' | 'charger_type'>;

/** The stations at a location, each linking to its station page (server-rendered). */
export function LocationStations({ stations, more, allHref }: { stations: StationRow[]; more: boolean; allHref: string }) {
  return (
    <Panel id="location-stations" title="Stations at this location" framed={false}>
      <ScrollBox label="Stations at this location" className="rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">Stations at this location</caption>
          <thead className="bg-slate-50">
            <tr>
              {['Name', 'OCPP id', 'Status', 'Availability', 'Type'].map((label) => (
                <th key={label} scope="col" className="whitespace-nowrap px-3 py-2 text-left font-medium text-slate-700">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {stations.map((station) => (
              <tr key={station.id} className="hover:bg-slate-50">
                <td className="whitespace-nowrap px-3 py-2">
                  <RowLink href={`/charge-stations/${station.id}`}>{station.name ?? station.ocpp_id}</RowLink>
                </td>
                <td className="whitespace-nowrap px-3 py-2 font-mono">{station.ocpp_id}</td>
                <td className="whitespace-nowrap px-3 py-2">{station.status}</td>
                <td className="whitespace-nowrap px-3 py-2">{station.availability}</td>
                <td className="whitespace-nowrap px-3 py-2">{station.charger_type}</td>
              </tr>
            ))}
            {stations.length === 0 && (
              <tr>
                <td colSpan={5} className="px-3 py-6 text-center text-slate-500">
                  No stations are linked to this location.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </ScrollBox>
      {more && (
        <Link href={allHref} className="text-sm text-brand-700 underline">
          All stations of this location
        </Link>
      )}
    </Panel>
  );
}
