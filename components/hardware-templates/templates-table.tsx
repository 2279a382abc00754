'use client';

import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { DataTable } from '@/components/data-table/data-table';
import type { ServerTableFeatures } from '@/components/data-table/features';
import { SortHeader, type SortLink } from '@/components/data-table/sort-header';
import { formatTimestamp } from '@/lib/format';
import { RowLink } from '@/components/data-table/row-link';

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
        col.accessor('name', {
          header: () => <SortHeader label="Name" link={sort.name} />,
          cell: (info) => <RowLink href={`/hardware-templates/${info.row.original.id}`}>{info.getValue()}</RowLink>,
        }),
        col.accessor('vendor_model', { header: 'Vendor / model' }),
        col.accessor('charger_type', { header: 'Type' }),
        col.accessor('max_power_kw', { header: 'Max kW', cell: (info) => info.getValue() ?? '—' }),
        col.accessor('evses', { header: 'EVSEs' }),
        col.accessor('connectors', { header: 'Connectors' }),
        col.accessor('updated_at', {
          header: () => <SortHeader label="Updated" link={sort.updated_at} />,
          cell: (info) => formatTimestamp(info.getValue()),
        }),
      ]),
    [sort],
  );
  return (
    <DataTable
      caption="Hardware templates"
      columns={columns}
      data={rows}
      getRowId={(r) => r.id}
      emptyMessage="No hardware templates match."
    />
  );
}
