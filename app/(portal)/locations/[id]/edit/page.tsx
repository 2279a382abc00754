import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { BackLink } from '@/components/layout/back-link';
import { notFound } from 'next/navigation';
import { LocationForm } from '@/components/locations/location-form';
import { can } from '@/lib/auth/context';
import { mapTileUrl } from '@/lib/portal/map-tiles';
import { tileAttribution } from '@/lib/view/map';
import { loadDetailPage } from '@/lib/portal/or-not-found';
import { getLocation } from '@/lib/services/locations';
import { locationFormValues } from '../../location-form';
import { updateLocationAction } from '../../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('LocationForm'))('editTitle') };
}

type Props = { params: Promise<{ id: string }> };

export default async function EditLocationPage({ params }: Props) {
  const { ctx, object: location } = await loadDetailPage(params, getLocation);
  if (!can(ctx, 'location:write', location.tenant_id)) notFound();
  const tileUrl = mapTileUrl();
  const t = await getTranslations('LocationForm');
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <BackLink href={`/locations/${location.id}`}>← {location.name}</BackLink>
      <h1 className="text-2xl font-semibold">{t('editTitle')}</h1>
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
