import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { LanguageChoice } from '@/components/layout/language-choice';
import { PortalShell } from '@/components/layout/portal-shell';
import { NAV_ITEMS } from '@/components/layout/nav-items';
import { TenantSwitcher } from '@/components/layout/tenant-switcher';
import { chooseLanguage } from '@/lib/actions/choose-language';
import { auth, signOut } from '@/lib/auth/auth';
import { can } from '@/lib/auth/context';
import { requirePageContext } from '@/lib/auth/page-context';
import { tenantChoices } from '@/lib/portal/tenant-choices';
import { switchTenant } from './actions';

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const ctx = await requirePageContext();
  const [session, choices, t] = await Promise.all([auth(), tenantChoices(ctx), getTranslations('Shell')]);
  async function signOutAction() {
    'use server';
    await signOut({ redirectTo: '/login' });
  }
  return (
    <PortalShell
      user={{ name: session?.user?.name ?? '', email: session?.user?.email ?? '' }}
      items={NAV_ITEMS.filter((item) => [item.permission].flat().some((permission) => can(ctx, permission)))}
      signOut={signOutAction}
      language={<LanguageChoice action={chooseLanguage} />}
      switcher={
        choices.length > 0 && (
          <TenantSwitcher
            choices={choices}
            current={ctx.focusTenantId}
            words={{ label: t('tenant'), all: ctx.cpoWide ? t('allTenants') : t('allMyTenants'), switch: t('switch') }}
            action={switchTenant}
          />
        )
      }
    >
      {children}
    </PortalShell>
  );
}
