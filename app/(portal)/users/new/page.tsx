import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { BackLink } from '@/components/layout/back-link';
import { InviteForm } from '@/components/users/invite-form';
import { requirePagePermission } from '@/lib/auth/page-context';
import { listGrantableRoles } from '@/lib/services/users';
import { inviteUser } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Users');
  return { title: t('invite') };
}

export default async function InviteUserPage() {
  const ctx = await requirePagePermission('user:manage');
  const choices = await listGrantableRoles({ ctx, permission: 'user:manage' });
  const t = await getTranslations('Users');
  return (
    <div className="space-y-4">
      <BackLink href="/users">{t('title')}</BackLink>
      <h1 className="text-2xl font-semibold">{t('invite')}</h1>
      <p className="max-w-xl text-sm text-slate-600">{t('inviteIntro')}</p>
      <InviteForm action={inviteUser} choices={choices} />
    </div>
  );
}
