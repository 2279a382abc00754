import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { StaticTable } from '@/components/data-table/table-frame';
import { RowLink } from '@/components/data-table/row-link';
import { Panel } from '@/components/layout/panel';
import { StatusBadge } from '@/components/status/status-badge';
import type { ChargeStation } from '@/lib/schemas/charge-station';
import { connectionOf } from '@/lib/view/stations';

type StationRow = Pick<
  ChargeStation,
  'id' | 'name' | 'ocpp_id' | 'status' | 'availability' | 'availability_sync' | 'charger_type' | 'connected' | 'last_heartbeat_at'
>;

/** The stations at a location with their status badges, each linking to its station page (server-rendered). */
export function LocationStations({ stations, more, allHref }: { stations: StationRow[]; more: boolean; allHref: string }) {
  const t = useTranslations('Location');
  return (
    <Panel id="location-stations" title={t('stationsTitle')} framed={false}>
      <StaticTable
        caption={t('stationsTitle')}
        headers={[t('stationName'), t('ocppId'), t('status'), t('availability'), t('connection'), t('type')]}
        rowCount={stations.length}
        emptyMessage={t('noStations')}
      >
        {stations.map((station) => (
          <tr key={station.id} className="hover:bg-slate-50">
            <td className="whitespace-nowrap px-3 py-2">
              <RowLink href={`/charge-stations/${station.id}`}>{station.name ?? station.ocpp_id}</RowLink>
            </td>
            <td className="whitespace-nowrap px-3 py-2 font-mono">{station.ocpp_id}</td>
            <td className="whitespace-nowrap px-3 py-2">
              <StatusBadge status={{ kind: 'station', value: station.status }} />
            </td>
            <td className="whitespace-nowrap px-3 py-2">
              <StatusBadge status={{ kind: 'availability', value: station.availability, sync: station.availability_sync }} />
            </td>
            <td className="whitespace-nowrap px-3 py-2">
              <StatusBadge status={{ kind: 'connection', value: connectionOf(station) }} />
            </td>
            <td className="whitespace-nowrap px-3 py-2">{station.charger_type}</td>
          </tr>
        ))}
      </StaticTable>
      {more && (
        <Link href={allHref} className="text-sm text-brand-700 underline">
          {t('allStations')}
        </Link>
      )}
    </Panel>
  );
}
