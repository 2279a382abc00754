import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { AuditTable } from '@/components/audit/audit-table';
import type { AuditEvent } from '@/lib/schemas/audit-event';

/** The latest audit events on the dashboard, with the way to the full log. */
export function RecentActivity({ events }: { events: AuditEvent[] }) {
  const t = useTranslations('Dashboard');
  return (
    <section aria-labelledby="recent-activity" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="recent-activity" className="text-lg font-medium">
          {t('recentActivity')}
        </h2>
        <Link href="/audit" className="text-sm text-brand-700 underline">
          {t('openAudit')}
        </Link>
      </div>
      <AuditTable events={events} caption={t('recentAuditCaption')} emptyMessage={t('noAudit')} />
    </section>
  );
}
