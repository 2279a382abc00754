import type { Metadata } from 'next';
import { BackLink } from '@/components/layout/back-link';
import { CreateKeyForm } from '@/components/api-keys/create-key-form';
import { requirePagePermission } from '@/lib/auth/page-context';
import { listGrantableRoles } from '@/lib/services/users';
import { createKey } from '../actions';

export const metadata: Metadata = { title: 'Create API key' };

export default async function NewApiKeyPage() {
  const ctx = await requirePagePermission('apikey:manage');
  const choices = await listGrantableRoles({ ctx, permission: 'apikey:manage' });
  return (
    <div className="space-y-4">
      <BackLink href="/api-keys">API keys</BackLink>
      <h1 className="text-2xl font-semibold">Create API key</h1>
      <p className="max-w-xl text-sm text-slate-600">
        A key acts with one role in one tenant. Its secret is shown once, right after you create it; only a hash is stored.
      </p>
      <CreateKeyForm action={createKey} choices={choices} />
    </div>
  );
}
