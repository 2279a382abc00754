import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { StationTab } from '@/lib/view/stations';

/**
 * The station page's sections as links (`?tab=`), so each is a shareable URL and the back button
 * works. They wrap onto a second line on a phone rather than hide behind a sideways scroll.
 */
export function StationTabs({ stationId, tabs, current }: { stationId: string; tabs: readonly StationTab[]; current: StationTab }) {
  const t = useTranslations('StationTabs');
  return (
    <nav aria-label={t('label')}>
      <ul className="flex flex-wrap gap-x-1 border-b border-slate-200">
        {tabs.map((tab) => {
          const active = tab === current;
          return (
            <li key={tab}>
              <Link
                href={tab === 'overview' ? `/charge-stations/${stationId}` : `/charge-stations/${stationId}?tab=${tab}`}
                aria-current={active ? 'page' : undefined}
                className={`-mb-px block border-b-2 px-2.5 py-2 text-sm ${
                  active ? 'border-brand-700 font-medium text-brand-700' : 'border-transparent text-slate-700 hover:text-brand-700'
                }`}
              >
                {t(tab)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
