'use client';

import { useMemo } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { createColumnHelper } from '@tanstack/react-table';
import { nameLinkColumn, updatedAtColumn } from '@/components/data-table/columns';
import { DataTable } from '@/components/data-table/data-table';
import type { ServerTableFeatures } from '@/components/data-table/features';
import type { SortLink } from '@/components/data-table/sort-header';
import { formatNumber } from '@/lib/format';

/** A hardware template as a table row, with its blueprint counted. */
export type TemplateRowView = {
  id: string;
  name: string;
  vendor_model: string;
  charger_type: string;
  max_power_kw: number | null;
  evses: number;
  connectors: number;
  updated_at: string;
};

const col = createColumnHelper<ServerTableFeatures, TemplateRowView>();

export function TemplatesTable({ rows, sort }: { rows: TemplateRowView[]; sort: Record<'name' | 'updated_at', SortLink> }) {
  const t = useTranslations('HardwareTemplates');
  const locale = useLocale();
  const columns = useMemo(
    () =>
      col.columns([
        nameLinkColumn(col, { sort: sort.name, href: (id) => `/hardware-templates/${id}` }),
        col.accessor('vendor_model', { header: t('vendorModel') }),
        col.accessor('charger_type', { header: t('type') }),
        col.accessor('max_power_kw', {
          header: t('maxKw'),
          cell: (info) => {
            const power = info.getValue();
            return power === null ? '—' : formatNumber(power, locale);
          },
        }),
        col.accessor('evses', { header: t('evses') }),
        col.accessor('connectors', { header: t('connectors') }),
        updatedAtColumn(col, sort.updated_at),
      ]),
    [sort, t, locale],
  );
  return <DataTable caption={t('title')} columns={columns} data={rows} emptyMessage={t('empty')} />;
}
