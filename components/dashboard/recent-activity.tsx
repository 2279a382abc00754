import Link from 'next/link';
import { AuditTable } from '@/components/audit/audit-table';
import type { AuditEvent } from '@/lib/schemas/audit-event';

/** The latest audit events on the dashboard, with the way to the full log. */
export function RecentActivity({ events }: { events: AuditEvent[] }) {
  return (
    <section aria-labelledby="recent-activity" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="recent-activity" className="text-lg font-medium">
          Recent activity
        </h2>
        <Link href="/audit" className="text-sm text-brand-700 underline">
          Open the audit log
        </Link>
      </div>
      <AuditTable events={events} caption="Recent audit events" emptyMessage="No changes recorded yet." />
    </section>
  );
}
