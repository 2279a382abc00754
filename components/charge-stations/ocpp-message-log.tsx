import { ScrollBox } from '@/components/layout/scroll-box';
import { formatTimestamp } from '@/lib/format';
import type { OcppMessage } from '@/lib/schemas/charge-station';

/** `12-02 02:53:12.416`: the log keeps a week at most, so month and day place a frame; the year is in the title. */
const shortTime = (at: string) => `${at.slice(5, 10)} ${at.slice(11, 23)}`;

/** The station's OCPP frames, newest first; each payload opens on demand. */
export function OcppMessageLog({ messages }: { messages: OcppMessage[] }) {
  if (messages.length === 0) return <p className="text-slate-500">No messages recorded yet.</p>;
  return (
    <ScrollBox label="OCPP messages, scrollable" className="rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <caption className="sr-only">OCPP messages</caption>
        <thead className="bg-slate-50 text-left">
          <tr>
            {['Time (UTC)', 'Action', 'Direction', 'Type', 'Latency', 'Payload'].map((header) => (
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
                <time dateTime={m.at} title={`${formatTimestamp(m.at)} UTC`}>
                  {shortTime(m.at)}
                </time>
              </td>
              <td className="px-2 py-1 font-medium">{m.action ?? '—'}</td>
              <td className="px-2 py-1 whitespace-nowrap">{m.direction === 'IN' ? 'from station' : 'to station'}</td>
              <td className="px-2 py-1 font-mono text-xs">{m.message_type}</td>
              <td className="px-2 py-1 whitespace-nowrap tabular-nums">{m.latency_ms === null ? '' : `${m.latency_ms} ms`}</td>
              <td className="px-2 py-1">
                <details>
                  <summary className="cursor-pointer text-brand-700">
                    Payload{' '}
                    <span className="sr-only">
                      of {m.action ?? m.message_type} {m.message_id}
                    </span>
                  </summary>
                  <pre className="mt-1 max-w-[32rem] overflow-x-auto rounded bg-slate-50 p-2 text-xs">
                    {JSON.stringify(m.payload, null, 2)}
                  </pre>
                  <p className="text-xs text-slate-600">message id {m.message_id}</p>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
