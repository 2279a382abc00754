import Link from 'next/link';
import { useLocale } from 'next-intl';
import { formatNumber } from '@/lib/format';

/** One headline count; with `href` the whole card links to the list behind the number. */
export function StatCard({ label, value, hint, href }: { label: string; value: number; hint?: string; href?: string }) {
  const locale = useLocale();
  const body = (
    <>
      <div className="text-sm text-slate-600">{label}</div>
      <div className="text-2xl font-semibold tabular-nums">{formatNumber(value, locale)}</div>
      {hint && <div className="text-xs text-slate-600">{hint}</div>}
    </>
  );
  const frame = 'block rounded-lg border border-slate-200 bg-white p-4';
  return href ? (
    <Link href={href} className={`${frame} hover:border-brand-700 focus-visible:outline-2 focus-visible:outline-brand-700`}>
      {body}
    </Link>
  ) : (
    <div className={frame}>{body}</div>
  );
}
