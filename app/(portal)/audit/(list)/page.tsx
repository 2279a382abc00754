import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AuditFilters } from '@/components/audit/audit-filters';
import { AuditTable } from '@/components/audit/audit-table';
import { ListNotice } from '@/components/data-table/list-notice';
import { Pager } from '@/components/data-table/pager';
import { requirePagePermission } from '@/lib/auth/page-context';
import { tenantNames } from '@/lib/portal/tenant-choices';
import { loadListPage } from '@/lib/portal/list-page';
import { auditEventListQuerySchema } from '@/lib/schemas/audit-event';
import { listAuditEvents } from '@/lib/services/audit-events';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Audit');
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  const ctx = await requirePagePermission('audit:read');
  // People look for what just happened: newest first unless the address says otherwise.
  const [{ page, notice, params }, tenants] = await Promise.all([
    loadListPage(auditEventListQuerySchema, await searchParams, { limit: '50', sort: '-at' }, (q) => listAuditEvents({ ctx, query: q })),
    tenantNames(ctx),
  ]);
  const t = await getTranslations('Audit');
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <AuditFilters params={params} tenants={tenants} />
      <ListNotice notice={notice} />
      <AuditTable events={page.data} />
      <Pager params={params} nextCursor={page.next_cursor} />
    </div>
  );
}
