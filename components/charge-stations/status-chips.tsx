import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { StatusBadge, type BadgeStatus } from '@/components/status/status-badge';
import { AVAILABILITIES, EVSE_STATUSES } from '@/lib/domain/vocabulary';

/** The portal's own parameter for "heard from in the last 15 minutes" (the API's `heard_since`, as of each load). */
export const HEARD_RECENTLY_PARAM = 'heard';
export const HEARD_RECENTLY = 'recent';

type Chip = { param: string; value: string; badge: BadgeStatus };

const GROUPS: { id: 'status' | 'availability' | 'connectivity'; chips: Chip[] }[] = [
  { id: 'status', chips: EVSE_STATUSES.map((value) => ({ param: 'status', value, badge: { kind: 'station', value } })) },
  {
    id: 'availability',
    chips: AVAILABILITIES.map((value) => ({ param: 'availability', value, badge: { kind: 'availability', value } })),
  },
  {
    id: 'connectivity',
    chips: [{ param: HEARD_RECENTLY_PARAM, value: HEARD_RECENTLY, badge: { kind: 'connection', value: 'CONNECTED' } }],
  },
];

/**
 * Status filters as toggle chips in the badges' colours: a chip is a link to the list with that
 * filter on (another chip of its group replaces it) or, when it is on, off again. The filters
 * stay in the address like the form's.
 */
export function StatusChips({ params }: { params: URLSearchParams }) {
  const t = useTranslations('StationList.chips');
  const hrefOf = ({ param, value }: Chip, on: boolean) => {
    const next = new URLSearchParams(params);
    next.delete('cursor');
    if (on) next.delete(param);
    else next.set(param, value);
    return `?${next}`;
  };
  return (
    <div className="space-y-1.5">
      {GROUPS.map((group) => (
        <div key={group.id} className="flex flex-wrap items-center gap-1.5 text-sm">
          <span id={`chips-${group.id}`} className="mr-1 font-medium text-slate-700">
            {t(group.id)}
          </span>
          <ul aria-labelledby={`chips-${group.id}`} className="flex flex-wrap gap-1.5">
            {group.chips.map((chip) => {
              const on = params.get(chip.param) === chip.value;
              return (
                <li key={chip.value}>
                  <Link
                    href={hrefOf(chip, on)}
                    aria-current={on ? 'true' : undefined}
                    title={chip.param === HEARD_RECENTLY_PARAM ? t('heardRecently') : undefined}
                    data-chip={`${chip.param}=${chip.value}`}
                    className={`inline-flex rounded-full focus-visible:outline-2 focus-visible:outline-brand-700 ${
                      on ? 'ring-2 ring-brand-700 ring-offset-1' : 'hover:ring-1 hover:ring-slate-400'
                    }`}
                  >
                    <StatusBadge status={chip.badge} />
                    {on && <span className="sr-only">{t('on')}</span>}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </div>
  );
}
