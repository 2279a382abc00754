import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePageContext } from '@/lib/auth/page-context';
import { AppError } from '@/lib/errors';
import type { Location } from '@/lib/schemas/location';
import { getLocation } from '@/lib/services/locations';

export const metadata: Metadata = { title: 'Location' };

type Props = { params: Promise<{ id: string }> };

async function loadLocation(id: string): Promise<Location> {
  const ctx = await requirePageContext();
  try {
    return await getLocation({ ctx, id });
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
}

// Resolved before anything streams, so a missing or out-of-scope id answers HTTP 404.
export default async function LocationPage({ params }: Props) {
  const location = await loadLocation((await params).id);
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
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[12rem_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="break-words">{value}</dd>
          </div>
        ))}
      </dl>
    </article>
  );
}
