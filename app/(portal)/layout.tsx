import type { ReactNode } from 'react';
import { PortalShell } from '@/components/layout/portal-shell';
import { NAV_ITEMS } from '@/components/layout/nav-items';
import { auth, signOut } from '@/lib/auth/auth';
import { can } from '@/lib/auth/context';
import { requirePageContext } from '@/lib/auth/page-context';

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const ctx = await requirePageContext();
  const session = await auth();
  async function signOutAction() {
    'use server';
    await signOut({ redirectTo: '/login' });
  }
  return (
    <PortalShell
      user={{ name: session?.user?.name ?? '', email: session?.user?.email ?? '' }}
      items={NAV_ITEMS.filter((item) => can(ctx, item.permission))}
      signOut={signOutAction}
    >
      {children}
    </PortalShell>
  );
}
