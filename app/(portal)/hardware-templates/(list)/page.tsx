import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('HardwareTemplates');
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function HardwareTemplatesPage({ searchParams }: Props) {
  const ctx = await requirePageContext();
  const { query, page, notice, params } = await loadListPage(
    hardwareTemplateListQuerySchema,
    await searchParams,
    { limit: '50', sort: 'name' },
    (q) => listHardwareTemplates({ ctx, query: q }),
  );
  const t = await getTranslations('HardwareTemplates');
  const mayManage = canCpoWide(ctx, 'station:write');
  const rows = page.data.map((template) => ({
    id: template.id,
    name: template.name,
    vendor_model: [template.vendor, template.model].filter(Boolean).join(' ') || '—',
    charger_type: template.charger_type,
    max_power_kw: template.max_power_kw,
    evses: template.evses.length,
    connectors: template.evses.reduce((n, e) => n + e.connectors.length, 0),
    updated_at: template.updated_at,
  }));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <CatalogSearch q={query.q} sort={query.sort} />
      <ListNotice notice={notice} />
      <TemplatesTable rows={rows} sort={sortLinks(['name', 'updated_at'] as const, query.sort, params)} />
      <Pager params={params} nextCursor={page.next_cursor} />
      {mayManage && (
        <Panel id="new-template" title={t('new')}>
          <TemplateForm action={createTemplateAction} />
        </Panel>
      )}
    </div>
  );
}
