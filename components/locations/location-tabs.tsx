import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { LOCATION_TABS, type LocationTab } from '@/lib/view/locations';

/** The location page's sections as links (`?tab=`), so each is a shareable URL and the back button works. */
export function LocationTabs({ locationId, current, tabs }: { locationId: string; current: LocationTab; tabs: readonly LocationTab[] }) {
  const t = useTranslations('Location');
  return (
    <nav aria-label={t('sections')} className="-mx-1 overflow-x-auto">
      <ul className="flex min-w-max gap-1 border-b border-slate-200 px-1">
        {LOCATION_TABS.filter((tab) => tabs.includes(tab)).map((tab) => {
          const active = tab === current;
          return (
            <li key={tab}>
              <Link
                href={tab === 'overview' ? `/locations/${locationId}` : `/locations/${locationId}?tab=${tab}`}
                aria-current={active ? 'page' : undefined}
                className={`-mb-px block border-b-2 px-3 py-2 text-sm ${
                  active ? 'border-brand-700 font-medium text-brand-700' : 'border-transparent text-slate-700 hover:text-brand-700'
                }`}
              >
                {t(`tab.${tab}`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
