import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ImportsTable } from '@/components/imports/imports-table';
import { ImportUploader } from '@/components/imports/import-uploader';
import { ListNotice } from '@/components/data-table/list-notice';
import { Pager } from '@/components/data-table/pager';
import { Panel } from '@/components/layout/panel';
import { requirePagePermission } from '@/lib/auth/page-context';
import { AppError } from '@/lib/errors';
import { importableEntities } from '@/lib/portal/imports';
import { loadListPage } from '@/lib/portal/list-page';
import { importListQuerySchema } from '@/lib/schemas/import';
import { getImport, listImports } from '@/lib/services/imports';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Imports');
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** An import picked in the list (`?show=`); one the caller cannot see simply shows nothing. */
async function shownImport(load: () => Promise<Awaited<ReturnType<typeof getImport>>>) {
  try {
    return await load();
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  }
}

export default async function ImportsPage({ searchParams }: Props) {
  // Again here: Next renders the page alongside its layout, so the layout's check alone would not stop the list verb.
  const ctx = await requirePagePermission(['location:write', 'station:write']);
  const { show, ...filters } = await searchParams;
  const [{ page, notice, params }, shown] = await Promise.all([
    loadListPage(importListQuerySchema, filters, { limit: '20' }, (query) => listImports({ ctx, query })),
    typeof show === 'string' ? shownImport(() => getImport({ ctx, id: show })) : null,
  ]);
  const entities = importableEntities(ctx);
  const t = await getTranslations('Imports');
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="max-w-2xl text-sm text-slate-600">{t.rich('intro', { code: (chunks) => <code>{chunks}</code> })}</p>
      <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {entities.map((entity) => (
          <a key={entity} href={`/imports/template?entity=${entity}`} download className="text-brand-700 underline">
            {t('downloadTemplate', { entity: t(`entitiesLower.${entity}`) })}
          </a>
        ))}
      </p>
      <ImportUploader key={shown?.id ?? 'new'} entities={entities} initial={shown} />
      <Panel id="recent-imports" title={t('recent')} framed={false}>
        <ListNotice notice={notice} />
        <ImportsTable rows={page.data} />
        <Pager params={params} nextCursor={page.next_cursor} />
      </Panel>
    </div>
  );
}
