import Link from 'next/link';
import type { ChargeStation } from '@/lib/schemas/charge-station';
import { StaticTable } from '@/components/data-table/table-frame';
import { Panel } from '@/components/layout/panel';
import { RowLink } from '@/components/data-table/row-link';

type StationRow = Pick<ChargeStation, 'id' | 'name' | 'ocpp_id' | 'status' | 'availability' | 'charger_type'>;

/** The stations at a location, each linking to its station page (server-rendered). */
export function LocationStations({ stations, more, allHref }: { stations: StationRow[]; more: boolean; allHref: string }) {
  return (
    <Panel id="location-stations" title="Stations at this location" framed={false}>
      <StaticTable
        caption="Stations at this location"
        headers={['Name', 'OCPP id', 'Status', 'Availability', 'Type']}
        rowCount={stations.length}
        emptyMessage="No stations are linked to this location."
      >
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
      </StaticTable>
      {more && (
        <Link href={allHref} className="text-sm text-brand-700 underline">
          All stations of this location
        </Link>
      )}
    </Panel>
  );
}
