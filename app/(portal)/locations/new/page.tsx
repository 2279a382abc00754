import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { BackLink } from '@/components/layout/back-link';
import { notFound } from 'next/navigation';
import { LocationForm } from '@/components/locations/location-form';
import { can, unfocused } from '@/lib/auth/context';
import { requirePageContext } from '@/lib/auth/page-context';
import { mapTileUrl } from '@/lib/portal/map-tiles';
import { tileAttribution } from '@/lib/view/map';
import { locationTenantOptions } from '@/lib/portal/location-tenants';
import { locationFormValues } from '../location-form';
import { createLocationAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('LocationForm'))('newTitle') };
}

export default async function NewLocationPage() {
  const ctx = await requirePageContext();
  if (!can(unfocused(ctx), 'location:write')) notFound();
  const tileUrl = mapTileUrl();
  const t = await getTranslations('LocationForm');
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <BackLink href="/locations">← {t('backToLocations')}</BackLink>
      <h1 className="text-2xl font-semibold">{t('newTitle')}</h1>
      <LocationForm
        action={createLocationAction}
        values={locationFormValues()}
        tenants={await locationTenantOptions(ctx)}
        tileUrl={tileUrl}
        attribution={tileAttribution(tileUrl)}
      />
    </div>
  );
}
