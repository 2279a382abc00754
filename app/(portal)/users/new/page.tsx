import type { Metadata } from 'next';
import { BackLink } from '@/components/layout/back-link';
import { InviteForm } from '@/components/users/invite-form';
import { requirePagePermission } from '@/lib/auth/page-context';
import { listGrantableRoles } from '@/lib/services/users';
import { inviteUser } from '../actions';

export const metadata: Metadata = { title: 'Invite user' };

export default async function InviteUserPage() {
  const ctx = await requirePagePermission('user:manage');
  const choices = await listGrantableRoles({ ctx, permission: 'user:manage' });
  return (
    <div className="space-y-4">
      <BackLink href="/users">Users</BackLink>
      <h1 className="text-2xl font-semibold">Invite user</h1>
      <p className="max-w-xl text-sm text-slate-600">
        The user signs in with the e-mail and the initial password; no e-mail is sent. You can only grant roles whose permissions you hold
        yourself.
      </p>
      <InviteForm action={inviteUser} choices={choices} />
    </div>
  );
}
