import { useLocale, useTranslations } from 'next-intl';
import { ScrollBox } from '@/components/layout/scroll-box';
import { formatNumber, formatTimestamp } from '@/lib/format';
import type { OcppMessage } from '@/lib/schemas/charge-station';

/** `12-02 02:53:12.416`: the log keeps a week at most, so month and day place a frame; the full date is in the title. */
const shortTime = (at: string) => `${at.slice(5, 10)} ${at.slice(11, 23)}`;

/** The station's OCPP frames, newest first; each payload opens on demand. */
export function OcppMessageLog({ messages }: { messages: OcppMessage[] }) {
  const t = useTranslations('OcppLog');
  const common = useTranslations('Common');
  const locale = useLocale();
  if (messages.length === 0) return <p className="text-slate-600">{t('none')}</p>;
  return (
    <ScrollBox label={t('scrollable')} className="rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <caption className="sr-only">{t('caption')}</caption>
        <thead className="bg-slate-50 text-left">
          <tr>
            {[t('time'), t('action'), t('direction'), t('type'), t('latency'), t('payload')].map((header) => (
              <th key={header} scope="col" className="px-2 py-1 whitespace-nowrap">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {messages.map((m) => (
            <tr key={`${m.at}-${m.direction}-${m.message_type}-${m.message_id}`}>
              <td className="px-2 py-1 whitespace-nowrap tabular-nums">
                <time dateTime={m.at} title={common('utc', { time: formatTimestamp(m.at, locale) })}>
                  {shortTime(m.at)}
                </time>
              </td>
              <td className="px-2 py-1 font-medium">{m.action ?? '—'}</td>
              <td className="px-2 py-1 whitespace-nowrap">{t(m.direction)}</td>
              <td className="px-2 py-1 font-mono text-xs">{m.message_type}</td>
              <td className="px-2 py-1 whitespace-nowrap tabular-nums">
                {m.latency_ms === null ? '' : t('latencyMs', { ms: formatNumber(m.latency_ms, locale) })}
              </td>
              <td className="px-2 py-1">
                <details>
                  <summary className="cursor-pointer text-brand-700">
                    {t('payload')}{' '}
                    <span className="sr-only">{t('payloadOf', { message: `${m.action ?? m.message_type} ${m.message_id}` })}</span>
                  </summary>
                  <pre className="mt-1 max-w-[32rem] overflow-x-auto rounded bg-slate-50 p-2 text-xs">
                    {JSON.stringify(m.payload, null, 2)}
                  </pre>
                  <p className="text-xs text-slate-600">{t('messageId', { id: m.message_id })}</p>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
