import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ListNotice } from '@/components/data-table/list-notice';
import { Pager } from '@/components/data-table/pager';
import { PageHeader } from '@/components/layout/page-header';
import { WebhooksTable } from '@/components/webhooks/webhooks-table';
import { requirePagePermission } from '@/lib/auth/page-context';
import { loadListPage } from '@/lib/portal/list-page';
import { tenantNames } from '@/lib/portal/tenant-choices';
import { webhookListQuerySchema } from '@/lib/schemas/webhook';
import { listWebhooks } from '@/lib/services/webhooks';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Webhooks');
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function WebhooksPage({ searchParams }: Props) {
  const ctx = await requirePagePermission('webhook:manage');
  const [{ page, notice, params }, tenants] = await Promise.all([
    loadListPage(webhookListQuerySchema, await searchParams, { limit: '50' }, (query) => listWebhooks({ ctx, query })),
    tenantNames(ctx),
  ]);
  const t = await getTranslations('Webhooks');
  return (
    <div className="space-y-4">
      <PageHeader title={t('title')} action={{ href: '/webhooks/new', label: t('new') }} />
      <p className="max-w-2xl text-sm text-slate-600">{t('intro')}</p>
      <ListNotice notice={notice} />
      <WebhooksTable rows={page.data} tenants={tenants} />
      <Pager params={params} nextCursor={page.next_cursor} />
    </div>
  );
}
