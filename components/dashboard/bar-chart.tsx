import Link from 'next/link';
import type { ReactNode } from 'react';
import { useLocale } from 'next-intl';
import { formatNumber } from '@/lib/format';

const COLOURS: Record<string, string> = {
  AVAILABLE: 'bg-emerald-600',
  CHARGING: 'bg-sky-600',
  OUTOFORDER: 'bg-red-600',
  INOPERATIVE: 'bg-amber-500',
  UNKNOWN: 'bg-slate-400',
  OPERATIVE: 'bg-emerald-600',
};

export type Bar = { key: string; label: ReactNode; count: number; href?: string };

/** Counts as horizontal bars; the numbers are in the text too, for screen readers, each linking to its list when given. */
export function BarChart({ label, data }: { label: string; data: Bar[] }) {
  const locale = useLocale();
  const max = Math.max(1, ...data.map((d) => d.count));
  return (
    <ul className="space-y-2" aria-label={label}>
      {data.map((d) => (
        <li key={d.key} className="grid grid-cols-[minmax(0,9rem)_1fr_auto] items-center gap-2 text-sm">
          <span className="min-w-0">{d.label}</span>
          <span className="h-4 rounded bg-slate-100" aria-hidden="true">
            <span className={`block h-4 rounded ${COLOURS[d.key] ?? 'bg-slate-500'}`} style={{ width: `${(d.count / max) * 100}%` }} />
          </span>
          {d.href ? (
            <Link href={d.href} className="min-w-[3ch] text-right tabular-nums text-brand-700 underline">
              {formatNumber(d.count, locale)}
            </Link>
          ) : (
            <span className="min-w-[3ch] text-right tabular-nums">{formatNumber(d.count, locale)}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
