import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { DetailList } from '@/components/layout/detail-list';
import { ConfirmDelete } from '@/components/forms/confirm-delete';
import { inWords } from '@/components/forms/options';
import { LocationStations } from '@/components/locations/location-stations';
import { LocationsMap } from '@/components/map/lazy-maps';
import { BasemapNote } from '@/components/map/map-notes';
import { can } from '@/lib/auth/context';
import { WEEKDAYS } from '@/lib/view/locations';
import { mapTileUrl, tileAttribution, toMapMarker } from '@/lib/view/map';
import { loadDetailPage } from '@/lib/portal/or-not-found';
import { chargeStationListQuerySchema } from '@/lib/schemas/charge-station';
import type { Location } from '@/lib/schemas/location';
import { listChargeStations } from '@/lib/services/charge-stations';
import { getLocation } from '@/lib/services/locations';
import { deleteLocationAction } from '../actions';

export const metadata: Metadata = { title: 'Location' };

type Props = { params: Promise<{ id: string }> };

const STATIONS_SHOWN = 100;

function openingTimes(opening: Location['opening_times']): string {
  if (!opening) return '—';
  if (opening.twentyfourseven) return 'Open 24/7';
  const hours = opening.regular_hours ?? [];
  if (!hours.length) return 'Closed (no regular hours)';
  return WEEKDAYS.map(({ day, label }) => {
    const periods = hours.filter((h) => h.weekday === day).map((h) => `${h.period_begin}–${h.period_end}`);
    return `${label.slice(0, 3)} ${periods.join(', ') || 'closed'}`;
  }).join(' · ');
}

export default async function LocationPage({ params }: Props) {
  // Resolved before anything streams, so a missing or foreign id answers HTTP 404.
  const { ctx, object: location } = await loadDetailPage(params, getLocation);
  const stations = await listChargeStations({
    ctx,
    query: chargeStationListQuerySchema.parse({ location_id: location.id, limit: String(STATIONS_SHOWN), sort: 'name' }),
  });
  const tileUrl = mapTileUrl();
  const m = location.maintenance;
  const rows: [string, string][] = [
    ['Address', `${location.address}, ${location.postal_code ?? ''} ${location.city}`],
    ['Country', location.country],
    ['Coordinates', `${location.coordinates.latitude}, ${location.coordinates.longitude}`],
    ['External id', location.external_id ?? '—'],
    ['Parking type', location.parking_type ? inWords(location.parking_type) : '—'],
    ['Facilities', location.facilities.map(inWords).join(', ') || '—'],
    ['Opening times', openingTimes(location.opening_times)],
    ['Groups', location.custom_groups.join(', ') || '—'],
    ['Stations', String(location.stations_count)],
    ['EVSEs', String(location.evses_count)],
    ['Remarks', location.remarks ?? '—'],
    ['Maintenance contractor', m?.contractor ?? '—'],
    ['Contract reference', m?.contract_reference ?? '—'],
    ['Last service', m?.last_service_date ?? '—'],
    ['Next service', m?.next_service_date ?? '—'],
    ['Maintenance notes', m?.notes ?? '—'],
  ];
  return (
    <article className="space-y-4">
      <PageHeader
        title={location.name}
        action={
          can(ctx, 'location:write', location.tenant_id) ? { href: `/locations/${location.id}/edit`, label: 'Edit location' } : undefined
        }
      />
      <div className="grid gap-4 lg:grid-cols-[3fr_2fr]">
        <DetailList rows={rows} />
        <div className="min-w-0 space-y-1">
          <LocationsMap
            markers={[toMapMarker(location)]}
            tileUrl={tileUrl}
            attribution={tileAttribution(tileUrl)}
            label="Map of this location"
            className="h-64"
          />
          <BasemapNote tileUrl={tileUrl} />
        </div>
      </div>
      <LocationStations
        stations={stations.data}
        more={stations.next_cursor !== null}
        allHref={`/charge-stations?location_id=${location.id}`}
      />
      {can(ctx, 'location:delete', location.tenant_id) && (
        <ConfirmDelete
          action={deleteLocationAction}
          target={location}
          what="location"
          consequence="It disappears from lists and the API; the audit log keeps its history. A location with linked stations cannot be deleted."
        />
      )}
    </article>
  );
}
