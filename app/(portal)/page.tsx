import type { Metadata } from 'next';
import { StatCard } from '@/components/layout/stat-card';
import { requirePageContext } from '@/lib/auth/page-context';
import { getDashboardSummary } from '@/lib/services/dashboard';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const ctx = await requirePageContext();
  const summary = await getDashboardSummary({ ctx });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Dashboard</h1>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <StatCard label="Locations" value={summary.locations} />
        <StatCard label="Charge stations" value={summary.stations} />
        <StatCard label="EVSEs" value={summary.evses} />
        <StatCard label="Offline stations" value={summary.offline} />
      </div>
      <section aria-labelledby="by-status">
        <h2 id="by-status" className="mb-2 text-lg font-medium">
          Stations by status
        </h2>
        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          {summary.byStatus.map((s) => (
            <li key={s.status} className="rounded border border-slate-200 bg-white px-3 py-2 text-sm">
              <span className="font-medium">{s.status}</span>: {s.count}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
