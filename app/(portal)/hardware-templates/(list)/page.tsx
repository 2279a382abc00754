import type { Metadata } from 'next';
import { ListNotice } from '@/components/data-table/list-notice';
import { Pager } from '@/components/data-table/pager';
import { sortLinks } from '@/components/data-table/sort-header';
import { TemplateForm } from '@/components/hardware-templates/template-form';
import { TemplatesTable } from '@/components/hardware-templates/templates-table';
import { CatalogSearch } from '@/components/data-table/catalog-search';
import { canCpoWide } from '@/lib/auth/context';
import { requirePageContext } from '@/lib/auth/page-context';
import { loadListPage } from '@/lib/portal/list-page';
import { hardwareTemplateListQuerySchema } from '@/lib/schemas/hardware-template';
import { listHardwareTemplates } from '@/lib/services/hardware-templates';
import { createTemplateAction } from '../actions';
import { Panel } from '@/components/layout/panel';

export const metadata: Metadata = { title: 'Hardware templates' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function HardwareTemplatesPage({ searchParams }: Props) {
  const ctx = await requirePageContext();
  const { query, page, notice, params } = await loadListPage(
    hardwareTemplateListQuerySchema,
    await searchParams,
    { limit: '50', sort: 'name' },
    (q) => listHardwareTemplates({ ctx, query: q }),
  );
  const mayManage = canCpoWide(ctx, 'station:write');
  const rows = page.data.map((t) => ({
    id: t.id,
    name: t.name,
    vendor_model: [t.vendor, t.model].filter(Boolean).join(' ') || '—',
    charger_type: t.charger_type,
    max_power_kw: t.max_power_kw,
    evses: t.evses.length,
    connectors: t.evses.reduce((n, e) => n + e.connectors.length, 0),
    updated_at: t.updated_at,
  }));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Hardware templates</h1>
      <CatalogSearch q={query.q} sort={query.sort} />
      <ListNotice notice={notice} />
      <TemplatesTable rows={rows} sort={sortLinks(['name', 'updated_at'] as const, query.sort, params)} />
      <Pager params={params} nextCursor={page.next_cursor} />
      {mayManage && (
        <Panel id="new-template" title="New hardware template">
          <TemplateForm action={createTemplateAction} />
        </Panel>
      )}
    </div>
  );
}
