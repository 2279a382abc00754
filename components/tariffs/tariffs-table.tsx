'use client';

import { useMemo } from 'react';
import { useTranslations } from 'next-intl';
import { createColumnHelper } from '@tanstack/react-table';
import { updatedAtColumn } from '@/components/data-table/columns';
import { DataTable } from '@/components/data-table/data-table';
import type { ServerTableFeatures } from '@/components/data-table/features';
import { SortHeader, type SortLink } from '@/components/data-table/sort-header';
import { RowLink } from '@/components/data-table/row-link';

/** A tariff as a table row, with its prices and offer already in words. */
export type TariffRowView = { id: string; name: string | null; currency: string; prices: string; offered_to: string; updated_at: string };

const col = createColumnHelper<ServerTableFeatures, TariffRowView>();

export function TariffsTable({ rows, sort }: { rows: TariffRowView[]; sort: Record<'id' | 'name' | 'updated_at', SortLink> }) {
  const t = useTranslations('Tariffs');
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor('id', {
          header: () => <SortHeader label={t('code')} link={sort.id} />,
          cell: (info) => <RowLink href={`/tariffs/${encodeURIComponent(info.getValue())}`}>{info.getValue()}</RowLink>,
        }),
        col.accessor('name', { header: () => <SortHeader label={t('name')} link={sort.name} />, cell: (info) => info.getValue() ?? '—' }),
        col.accessor('prices', { header: t('prices') }),
        col.accessor('offered_to', { header: t('offeredTo') }),
        updatedAtColumn(col, sort.updated_at),
      ]),
    [sort, t],
  );
  return <DataTable caption={t('title')} columns={columns} data={rows} emptyMessage={t('empty')} />;
}
