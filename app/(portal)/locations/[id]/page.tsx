import type { Metadata } from 'next';
import { DetailList } from '@/components/layout/detail-list';
import { requirePageContext } from '@/lib/auth/page-context';
import { orNotFound } from '@/lib/portal/or-not-found';
import { getLocation } from '@/lib/services/locations';

export const metadata: Metadata = { title: 'Location' };

type Props = { params: Promise<{ id: string }> };

export default async function LocationPage({ params }: Props) {
  const ctx = await requirePageContext();
  const { id } = await params;
  const location = await orNotFound(() => getLocation({ ctx, id }));
  const rows: [string, string][] = [
    ['Address', `${location.address}, ${location.postal_code ?? ''} ${location.city}`],
    ['Country', location.country],
    ['Coordinates', `${location.coordinates.latitude}, ${location.coordinates.longitude}`],
    ['External id', location.external_id ?? '—'],
    ['Groups', location.custom_groups.join(', ') || '—'],
    ['Stations', String(location.stations_count)],
    ['EVSEs', String(location.evses_count)],
    ['Remarks', location.remarks ?? '—'],
    ['Maintenance contractor', location.maintenance?.contractor ?? '—'],
    ['Next service', location.maintenance?.next_service_date ?? '—'],
  ];
  return (
    <article className="space-y-4">
      <h1 className="text-2xl font-semibold">{location.name}</h1>
      <DetailList rows={rows} />
    </article>
  );
}
