export function StatCard({ label, value, hint }: { label: string; value: number; hint?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="text-sm text-slate-600">{label}</div>
      <div className="text-2xl font-semibold tabular-nums">{value.toLocaleString('en')}</div>
      {hint && <div className="text-xs text-slate-600">{hint}</div>}
    </div>
  );
}
