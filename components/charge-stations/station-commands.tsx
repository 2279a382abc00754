import { ScrollBox } from '@/components/layout/scroll-box';
import { formatTimestamp } from '@/lib/format';
import type { StationCommand } from '@/lib/schemas/charge-station';
import { COMMAND_KIND_LABELS, COMMAND_STATUS_MEANING, compactJson } from '@/lib/view/stations';

const TONE: Record<string, string> = {
  ACCEPTED: 'text-emerald-800',
  REJECTED: 'text-red-800',
  FAILED: 'text-red-800',
  TIMED_OUT: 'text-red-800',
};

/** Recent commands to the station, newest first, with their status and the station's answer. */
export function StationCommands({ commands }: { commands: StationCommand[] }) {
  if (commands.length === 0) return <p className="text-slate-500">No commands sent yet.</p>;
  return (
    <ScrollBox label="Commands, scrollable" className="rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <caption className="sr-only">Commands</caption>
        <thead className="bg-slate-50 text-left">
          <tr>
            {['Created (UTC)', 'Command', 'Status', 'Attempts', 'Answer'].map((header) => (
              <th key={header} scope="col" className="px-2 py-1 whitespace-nowrap">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {commands.map((c) => (
            <tr key={c.id} data-testid={`command-${c.id}`}>
              <td className="px-2 py-1 whitespace-nowrap">{formatTimestamp(c.created_at)}</td>
              <td className="px-2 py-1">
                <span className="font-medium">{COMMAND_KIND_LABELS[c.kind]}</span>
                {Object.keys(c.payload).length > 0 && (
                  <span className="block font-mono text-xs text-slate-600">{compactJson(c.payload)}</span>
                )}
              </td>
              <td className="min-w-40 px-2 py-1">
                <span className={`font-mono text-xs font-medium ${TONE[c.status] ?? ''}`}>{c.status}</span>
                <span className="block text-xs text-slate-600">{COMMAND_STATUS_MEANING[c.status]}</span>
              </td>
              <td className="px-2 py-1 tabular-nums">{c.attempts}</td>
              <td className="min-w-64 px-2 py-1 font-mono text-xs break-all">{c.error ?? compactJson(c.response)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
