import Link from 'next/link';
import { STATION_TABS, type StationTab } from '@/lib/view/stations';

/** The station page's sections as links (`?tab=`), so each is a shareable URL and the back button works. */
export function StationTabs({ stationId, current }: { stationId: string; current: StationTab }) {
  return (
    <nav aria-label="Station sections" className="-mx-1 overflow-x-auto">
      <ul className="flex min-w-max gap-1 border-b border-slate-200 px-1">
        {STATION_TABS.map((tab) => {
          const active = tab.id === current;
          return (
            <li key={tab.id}>
              <Link
                href={tab.id === 'overview' ? `/charge-stations/${stationId}` : `/charge-stations/${stationId}?tab=${tab.id}`}
                aria-current={active ? 'page' : undefined}
                className={`-mb-px block border-b-2 px-3 py-2 text-sm ${
                  active ? 'border-brand-700 font-medium text-brand-700' : 'border-transparent text-slate-700 hover:text-brand-700'
                }`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
