import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { DetailList, updatedRow } from '@/components/layout/detail-list';
import { ConfirmActionForm } from '@/components/forms/confirm-action-form';
import { BackLink } from '@/components/layout/back-link';
import { AccessForm, ProfileForm, type AccessRow } from '@/components/users/user-forms';
import { unfocused } from '@/lib/auth/context';
import { requirePagePermission } from '@/lib/auth/page-context';
import { tenantNames } from '@/lib/portal/tenant-choices';
import { orNotFound } from '@/lib/portal/or-not-found';
import { getUser, listGrantableRoles } from '@/lib/services/users';
import { removeUser, updateAccess, updateProfile } from '../actions';
import { formatTimestamp } from '@/lib/format';
import { roleName } from '@/components/users/role-name';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Users');
  return { title: t('userTitle') };
}

type Props = { params: Promise<{ id: string }> };

export default async function UserPage({ params }: Props) {
  // An account spans tenants: the page shows and checks all its memberships in the caller's real
  // scope, not just the tenant picked in the switcher (which would make edits look allowed).
  const ctx = unfocused(await requirePagePermission('user:manage'));
  const { id } = await params;
  const user = await orNotFound(() => getUser({ ctx, id }));
  const [tenants, choices] = await Promise.all([tenantNames(ctx), listGrantableRoles({ ctx, permission: 'user:manage' })]);
  const grantable = new Map(choices.tenants.map((t) => [t.id, t.roles]));
  const rows: AccessRow[] = user.memberships.map((m) => ({
    tenantId: m.tenant_id,
    tenantName: tenants[m.tenant_id] ?? m.tenant_id,
    role: m.role,
    options: grantable.get(m.tenant_id) ?? null,
  }));
  const addable = user.cpo_role ? [] : choices.tenants.filter((t) => t.roles.length && !user.memberships.some((m) => m.tenant_id === t.id));
  const [t, tRoles, locale] = await Promise.all([getTranslations('Users'), getTranslations('Roles'), getLocale()]);
  const tForms = await getTranslations('Forms');
  const isSelf = ctx.actor.kind === 'user' && ctx.actor.id === user.id;
  // Sign-in changes need user:manage in every tenant of the user; show them only when that holds
  // (the service checks the roles' permissions too).
  const coversUser = user.cpo_role ? choices.cpoRoles.length > 0 : user.memberships.every((m) => grantable.has(m.tenant_id));
  return (
    <article className="space-y-6">
      <header className="space-y-1">
        <BackLink href="/users">{t('title')}</BackLink>
        <h1 className="text-2xl font-semibold">{user.name}</h1>
      </header>
      <DetailList
        rows={[
          [t('email'), user.email],
          [t('signIn'), user.disabled ? t('disabled') : t('enabled')],
          [t('cpoRole'), user.cpo_role ? roleName(tRoles, user.cpo_role) : '—'],
          [t('created'), formatTimestamp(user.created_at, locale)],
          updatedRow(user),
        ]}
      />
      <p className="text-sm">
        <Link href={`/audit?entity=user&entity_id=${user.id}`} className="text-brand-700 underline">
          {t('history')}
        </Link>
      </p>
      {(coversUser || isSelf) && <ProfileForm action={updateProfile} user={user} />}
      {!user.cpo_role && <AccessForm action={updateAccess} user={user} rows={rows} addable={addable} />}
      {coversUser && !isSelf && (
        <ConfirmActionForm
          action={removeUser}
          fields={{ id: user.id, version: user.version }}
          ask={t('deleteAsk')}
          question={t('deleteQuestion', { name: user.name })}
          confirm={t('deleteConfirm')}
          pendingLabel={tForms('deleting')}
        />
      )}
    </article>
  );
}
