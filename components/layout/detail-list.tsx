import type { ReactNode } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { formatTimestamp } from '@/lib/format';

/** Label / value pairs of a detail page; stacks on a phone. */
export function DetailList({ rows }: { rows: [ReactNode, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[12rem_1fr]">
      {rows.map(([label, value], index) => (
        <div key={index} className="contents">
          <dt className="text-sm text-slate-600">{label}</dt>
          <dd className="break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function UpdatedLabel() {
  return useTranslations('Forms')('updated');
}

function UpdatedValue({ object }: { object: { updated_at: string; version: number } }) {
  const t = useTranslations('Forms');
  const locale = useLocale();
  return t('updatedValue', { time: formatTimestamp(object.updated_at, locale), version: object.version });
}

/** The "Updated" row, in the user's language: when, and the version an edit made from this page is checked against. */
export function updatedRow(object: { updated_at: string; version: number }): [ReactNode, ReactNode] {
  return [<UpdatedLabel key="label" />, <UpdatedValue key="value" object={object} />];
}
