import type { Metadata } from 'next';
import { ListNotice } from '@/components/data-table/list-notice';
import { Pager } from '@/components/data-table/pager';
import { PageHeader } from '@/components/layout/page-header';
import { WebhooksTable } from '@/components/webhooks/webhooks-table';
import { requirePagePermission } from '@/lib/auth/page-context';
import { loadListPage } from '@/lib/portal/list-page';
import { tenantNames } from '@/lib/portal/tenant-choices';
import { webhookListQuerySchema } from '@/lib/schemas/webhook';
import { listWebhooks } from '@/lib/services/webhooks';

export const metadata: Metadata = { title: 'Webhooks' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function WebhooksPage({ searchParams }: Props) {
  const ctx = await requirePagePermission('webhook:manage');
  const [{ page, notice, params }, tenants] = await Promise.all([
    loadListPage(webhookListQuerySchema, await searchParams, { limit: '50' }, (query) => listWebhooks({ ctx, query })),
    tenantNames(ctx),
  ]);
  return (
    <div className="space-y-4">
      <PageHeader title="Webhooks" action={{ href: '/webhooks/new', label: 'New webhook' }} />
      <p className="max-w-2xl text-sm text-slate-600">
        Subscriptions POST signed events (Standard Webhooks) to your systems when locations and charge stations change. A subscription whose
        deliveries fail for a day is disabled; enable it again on its page.
      </p>
      <ListNotice notice={notice} />
      <WebhooksTable rows={page.data} tenants={tenants} />
      <Pager params={params} nextCursor={page.next_cursor} />
    </div>
  );
}
