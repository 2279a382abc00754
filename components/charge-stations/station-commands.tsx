import { useLocale, useTranslations } from 'next-intl';
import { ScrollBox } from '@/components/layout/scroll-box';
import { StatusBadge } from '@/components/status/status-badge';
import { formatNumber, formatTimestamp } from '@/lib/format';
import type { StationCommand } from '@/lib/schemas/charge-station';
import { compactJson } from '@/lib/view/stations';

/** Recent commands to the station, newest first, with their status and the station's answer. */
export function StationCommands({ commands }: { commands: StationCommand[] }) {
  const t = useTranslations('Commands');
  const locale = useLocale();
  if (commands.length === 0) return <p className="text-slate-600">{t('none')}</p>;
  return (
    <ScrollBox label={t('scrollable')} className="rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <caption className="sr-only">{t('caption')}</caption>
        <thead className="bg-slate-50 text-left">
          <tr>
            {[t('created'), t('command'), t('status'), t('attempts'), t('answer')].map((header) => (
              <th key={header} scope="col" className="px-2 py-1 whitespace-nowrap">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {commands.map((c) => (
            <tr key={c.id} data-testid={`command-${c.id}`}>
              <td className="px-2 py-1 whitespace-nowrap">{formatTimestamp(c.created_at, locale)}</td>
              <td className="px-2 py-1">
                <span className="font-medium">{t(`kind.${c.kind}`)}</span>
                {Object.keys(c.payload).length > 0 && (
                  <span className="block font-mono text-xs text-slate-600">{compactJson(c.payload)}</span>
                )}
              </td>
              <td className="min-w-40 px-2 py-1">
                <StatusBadge status={{ kind: 'command', value: c.status }} />
                <span className="block text-xs text-slate-600">{t(`meaning.${c.status}`)}</span>
              </td>
              <td className="px-2 py-1 tabular-nums">{formatNumber(c.attempts, locale)}</td>
              <td className="min-w-64 px-2 py-1 font-mono text-xs break-all">{c.error ?? compactJson(c.response)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
