import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LocationForm } from '@/components/locations/location-form';
import { can } from '@/lib/auth/context';
import { requirePageContext } from '@/lib/auth/page-context';
import { mapTileUrl, tileAttribution } from '@/lib/view/map';
import { orNotFound } from '@/lib/portal/or-not-found';
import { getLocation } from '@/lib/services/locations';
import { locationFormValues } from '../../location-form';
import { updateLocationAction } from '../../actions';

export const metadata: Metadata = { title: 'Edit location' };

type Props = { params: Promise<{ id: string }> };

export default async function EditLocationPage({ params }: Props) {
  const ctx = await requirePageContext();
  const { id } = await params;
  const location = await orNotFound(() => getLocation({ ctx, id }));
  if (!can(ctx, 'location:write', location.tenant_id)) notFound();
  const tileUrl = mapTileUrl();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link href={`/locations/${location.id}`} className="text-sm text-brand-700 underline">
        ← {location.name}
      </Link>
      <h1 className="text-2xl font-semibold">Edit location</h1>
      <LocationForm
        action={updateLocationAction}
        values={locationFormValues(location)}
        target={{ id: location.id, version: location.version }}
        tileUrl={tileUrl}
        attribution={tileAttribution(tileUrl)}
      />
    </div>
  );
}
