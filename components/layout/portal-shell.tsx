import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { NAV_ITEMS } from './nav-items';

type Props = {
  user: { name: string; email: string };
  items: Pick<(typeof NAV_ITEMS)[number], 'href' | 'label'>[];
  signOut: () => Promise<void>;
  /** The tenant switcher, for users who see more than one tenant. */
  switcher?: ReactNode;
  /** The language switch. */
  language: ReactNode;
  children: ReactNode;
};

/** The signed-in frame: navigation, current user, sign-out. Wraps on narrow screens. */
export function PortalShell({ user, items, signOut, switcher, language, children }: Props) {
  const t = useTranslations();
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="font-semibold text-brand-700">
            {t('Shell.home')}
          </Link>
          <nav aria-label={t('Nav.label')} className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {items.map((item) => (
              <Link key={item.href} href={item.href} className="text-slate-700 hover:text-brand-700">
                {t(`Nav.${item.label}`)}
              </Link>
            ))}
          </nav>
          <div className="ml-auto flex flex-wrap items-center gap-3 text-sm">
            {switcher}
            {language}
            <span className="text-slate-600" data-testid="current-user" title={user.email}>
              {user.name}
            </span>
            <form action={signOut}>
              <button type="submit" className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100">
                {t('Shell.signOut')}
              </button>
            </form>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl p-4">{children}</main>
    </div>
  );
}
