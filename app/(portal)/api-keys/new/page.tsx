import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { BackLink } from '@/components/layout/back-link';
import { CreateKeyForm } from '@/components/api-keys/create-key-form';
import { requirePagePermission } from '@/lib/auth/page-context';
import { listGrantableRoles } from '@/lib/services/users';
import { createKey } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('ApiKeys');
  return { title: t('create') };
}

export default async function NewApiKeyPage() {
  const ctx = await requirePagePermission('apikey:manage');
  const choices = await listGrantableRoles({ ctx, permission: 'apikey:manage' });
  const t = await getTranslations('ApiKeys');
  return (
    <div className="space-y-4">
      <BackLink href="/api-keys">{t('title')}</BackLink>
      <h1 className="text-2xl font-semibold">{t('create')}</h1>
      <p className="max-w-xl text-sm text-slate-600">{t('intro')}</p>
      <CreateKeyForm action={createKey} choices={choices} />
    </div>
  );
}
