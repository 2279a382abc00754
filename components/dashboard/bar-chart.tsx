const COLOURS: Record<string, string> = {
  AVAILABLE: 'bg-emerald-600',
  CHARGING: 'bg-sky-600',
  OUTOFORDER: 'bg-red-600',
  INOPERATIVE: 'bg-amber-500',
  UNKNOWN: 'bg-slate-400',
  OPERATIVE: 'bg-emerald-600',
};

/** Counts as horizontal bars; the numbers are in the text too, for screen readers. */
export function BarChart({ label, data }: { label: string; data: { key: string; count: number }[] }) {
  const max = Math.max(1, ...data.map((d) => d.count));
  return (
    <ul className="space-y-2" aria-label={label}>
      {data.map((d) => (
        <li key={d.key} className="grid grid-cols-[7rem_1fr_3rem] items-center gap-2 text-sm">
          <span>{d.key}</span>
          <span className="h-4 rounded bg-slate-100">
            <span className={`block h-4 rounded ${COLOURS[d.key] ?? 'bg-slate-500'}`} style={{ width: `${(d.count / max) * 100}%` }} />
          </span>
          <span className="text-right tabular-nums">{d.count}</span>
        </li>
      ))}
    </ul>
  );
}
