'use client';

import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { nameLinkColumn, updatedAtColumn } from '@/components/data-table/columns';
import { DataTable } from '@/components/data-table/data-table';
import type { ServerTableFeatures } from '@/components/data-table/features';
import type { SortLink } from '@/components/data-table/sort-header';

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
  const columns = useMemo(
    () =>
      col.columns([
        nameLinkColumn(col, { sort: sort.name, href: (id) => `/hardware-templates/${id}` }),
        col.accessor('vendor_model', { header: 'Vendor / model' }),
        col.accessor('charger_type', { header: 'Type' }),
        col.accessor('max_power_kw', { header: 'Max kW', cell: (info) => info.getValue() ?? '—' }),
        col.accessor('evses', { header: 'EVSEs' }),
        col.accessor('connectors', { header: 'Connectors' }),
        updatedAtColumn(col, sort.updated_at),
      ]),
    [sort],
  );
  return <DataTable caption="Hardware templates" columns={columns} data={rows} emptyMessage="No hardware templates match." />;
}
