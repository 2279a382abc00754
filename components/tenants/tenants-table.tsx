'use client';

import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { DataTable } from '@/components/data-table/data-table';
import type { ServerTableFeatures } from '@/components/data-table/features';
import { SortHeader, type SortLink } from '@/components/data-table/sort-header';
import type { Tenant } from '@/lib/schemas/tenant';
import { formatTimestamp } from '@/lib/format';
import { RowLink } from '@/components/data-table/row-link';

export type TenantRowView = Pick<Tenant, 'id' | 'name' | 'slug' | 'kind' | 'external_id' | 'updated_at'>;

const col = createColumnHelper<ServerTableFeatures, TenantRowView>();

export function TenantsTable({ rows, sort }: { rows: TenantRowView[]; sort: Record<'name' | 'updated_at', SortLink> }) {
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor('name', {
          header: () => <SortHeader label="Name" link={sort.name} />,
          cell: (info) => <RowLink href={`/tenants/${info.row.original.id}`}>{info.getValue()}</RowLink>,
        }),
        col.accessor('slug', { header: 'Slug' }),
        col.accessor('kind', { header: 'Kind' }),
        col.accessor('external_id', { header: 'External id', cell: (info) => info.getValue() ?? '—' }),
        col.accessor('updated_at', {
          header: () => <SortHeader label="Updated" link={sort.updated_at} />,
          cell: (info) => formatTimestamp(info.getValue()),
        }),
      ]),
    [sort],
  );
  return <DataTable caption="Tenants" columns={columns} data={rows} getRowId={(r) => r.id} emptyMessage="No tenants match." />;
}
