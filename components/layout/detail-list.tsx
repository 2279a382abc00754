import type { ReactNode } from 'react';
import { formatTimestamp } from '@/lib/format';

/** Label / value pairs of a detail page; stacks on a phone. */
export function DetailList({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[12rem_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-sm text-slate-600">{label}</dt>
          <dd className="break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The "Updated" row: when, and the version an edit made from this page is checked against. */
export function updatedRow(object: { updated_at: string; version: number }): [string, string] {
  return ['Updated', `${formatTimestamp(object.updated_at)} (version ${object.version})`];
}
