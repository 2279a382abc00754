import { useLocale, useTranslations } from 'next-intl';
import { formatNumber } from '@/lib/format';

type Hour = { hour: Date; connected: number; lost: number; booted: number };

/** "14:00": hours in UTC, like every time the portal shows (lib/format.ts). */
const hourLabel = (hour: Date) => `${String(hour.getUTCHours()).padStart(2, '0')}:00`;

/**
 * Per hour (the current one last) the stations that connected and those that went quiet, as pairs
 * of columns with a legend; a one-line summary, and the same numbers as a table for whoever cannot
 * see the bars.
 */
export function ConnectivityChart({ hours }: { hours: Hour[] }) {
  const t = useTranslations('Dashboard');
  const locale = useLocale();
  const max = Math.max(1, ...hours.flatMap((h) => [h.connected, h.lost]));
  const total = (key: 'connected' | 'lost' | 'booted') => hours.reduce((sum, h) => sum + h[key], 0);
  const height = (n: number) => `${n ? Math.max(3, (n / max) * 100) : 0}%`;
  return (
    <div className="space-y-3">
      <p className="text-sm" data-testid="connectivity-summary">
        {t('connectivitySummary', { connected: total('connected'), lost: total('lost'), booted: total('booted') })}
      </p>
      <div aria-hidden="true">
        <div className="flex h-28 items-end gap-0.5 border-b border-slate-300" data-testid="connectivity-bars">
          {hours.map((h) => (
            <div
              key={h.hour.toISOString()}
              className="flex h-full min-w-0 flex-1 items-end gap-px"
              title={t('connectivityBar', {
                hour: hourLabel(h.hour),
                connected: formatNumber(h.connected, locale),
                lost: formatNumber(h.lost, locale),
                booted: formatNumber(h.booted, locale),
              })}
            >
              <div className="w-1/2 rounded-t-sm bg-emerald-600" style={{ height: height(h.connected) }} />
              <div className="w-1/2 rounded-t-sm bg-red-600" style={{ height: height(h.lost) }} />
            </div>
          ))}
        </div>
        <div className="flex justify-between text-xs text-slate-600">
          {hours
            .filter((_, i) => i % 6 === 0 || i === hours.length - 1)
            .map((h) => (
              <span key={h.hour.toISOString()}>{hourLabel(h.hour)}</span>
            ))}
        </div>
        <div className="mt-1 flex flex-wrap gap-x-4 text-xs text-slate-700">
          <span className="inline-flex items-center gap-1">
            <span className="inline-block size-2.5 rounded-sm bg-emerald-600" />
            {t('connectedInHour')}
          </span>
          <span className="inline-flex items-center gap-1">
            <span className="inline-block size-2.5 rounded-sm bg-red-600" />
            {t('lostInHour')}
          </span>
        </div>
      </div>
      <details>
        <summary className="cursor-pointer text-sm text-brand-700 underline">{t('connectivityTable')}</summary>
        <table className="mt-2 w-full text-sm">
          <caption className="sr-only">{t('connectivityCaption')}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left">
              <th scope="col" className="py-1 pr-2 font-medium">
                {t('hour')}
              </th>
              <th scope="col" className="px-1 py-1 text-right font-medium">
                {t('connectedInHour')}
              </th>
              <th scope="col" className="px-1 py-1 text-right font-medium">
                {t('lostInHour')}
              </th>
              <th scope="col" className="py-1 pl-1 text-right font-medium">
                {t('bootedInHour')}
              </th>
            </tr>
          </thead>
          <tbody>
            {hours.map((h) => (
              <tr key={h.hour.toISOString()} className="border-b border-slate-100">
                <th scope="row" className="py-1 pr-2 text-left font-normal">
                  <time dateTime={h.hour.toISOString()}>{hourLabel(h.hour)}</time>
                </th>
                <td className="px-1 py-1 text-right tabular-nums">{formatNumber(h.connected, locale)}</td>
                <td className="px-1 py-1 text-right tabular-nums">{formatNumber(h.lost, locale)}</td>
                <td className="py-1 pl-1 text-right tabular-nums">{formatNumber(h.booted, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
