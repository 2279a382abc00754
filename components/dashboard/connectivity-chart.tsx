import { useLocale, useTranslations } from 'next-intl';
import { formatNumber } from '@/lib/format';

type Hour = { hour: Date; heard: number; boots: number };

/** "14:00": hours in UTC, like every time the portal shows (lib/format.ts). */
const hourLabel = (hour: Date) => `${String(hour.getUTCHours()).padStart(2, '0')}:00`;

/**
 * Stations heard per hour as columns (the current hour last), a one-line summary, and the same
 * numbers as a table for whoever cannot see the bars.
 */
export function ConnectivityChart({ hours }: { hours: Hour[] }) {
  const t = useTranslations('Dashboard');
  const locale = useLocale();
  const max = Math.max(1, ...hours.map((h) => h.heard));
  const current = hours.at(-1);
  const boots = hours.reduce((sum, h) => sum + h.boots, 0);
  return (
    <div className="space-y-3">
      <p className="text-sm" data-testid="connectivity-summary">
        {t('connectivitySummary', { heard: formatNumber(current?.heard ?? 0, locale), boots })}
      </p>
      <div aria-hidden="true">
        <div className="flex h-28 items-end gap-px border-b border-slate-300" data-testid="connectivity-bars">
          {hours.map((h) => (
            <div
              key={h.hour.toISOString()}
              className="flex h-full min-w-0 flex-1 items-end"
              title={t('connectivityBar', {
                hour: hourLabel(h.hour),
                heard: formatNumber(h.heard, locale),
                boots: formatNumber(h.boots, locale),
              })}
            >
              <div className="w-full rounded-t-sm bg-sky-600" style={{ height: `${h.heard ? Math.max(2, (h.heard / max) * 100) : 0}%` }} />
            </div>
          ))}
        </div>
        <div className="flex justify-between text-xs text-slate-600">
          {hours
            .filter((_, i) => i % 6 === 0)
            .map((h) => (
              <span key={h.hour.toISOString()}>{hourLabel(h.hour)}</span>
            ))}
          <span>{current ? hourLabel(current.hour) : ''}</span>
        </div>
      </div>
      <details>
        <summary className="cursor-pointer text-sm text-brand-700 underline">{t('connectivityTable')}</summary>
        <div className="mt-2">
          <table className="w-full text-sm">
            <caption className="sr-only">{t('connectivityCaption')}</caption>
            <thead>
              <tr className="border-b border-slate-200 text-left">
                <th scope="col" className="py-1 pr-3 font-medium">
                  {t('hour')}
                </th>
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  {t('heard')}
                </th>
                <th scope="col" className="py-1 pl-2 text-right font-medium">
                  {t('boots')}
                </th>
              </tr>
            </thead>
            <tbody>
              {hours.map((h) => (
                <tr key={h.hour.toISOString()} className="border-b border-slate-100">
                  <th scope="row" className="py-1 pr-3 text-left font-normal">
                    <time dateTime={h.hour.toISOString()}>{hourLabel(h.hour)}</time>
                  </th>
                  <td className="px-2 py-1 text-right tabular-nums">{formatNumber(h.heard, locale)}</td>
                  <td className="py-1 pl-2 text-right tabular-nums">{formatNumber(h.boots, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
