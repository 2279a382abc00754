'use client';

import { useMemo } from 'react';
import { useTranslations } from 'next-intl';
import { createColumnHelper } from '@tanstack/react-table';
import { nameLinkColumn, updatedAtColumn } from '@/components/data-table/columns';
import { DataTable } from '@/components/data-table/data-table';
import type { ServerTableFeatures } from '@/components/data-table/features';
import type { SortLink } from '@/components/data-table/sort-header';
import type { Tenant } from '@/lib/schemas/tenant';

export type TenantRowView = Pick<Tenant, 'id' | 'name' | 'slug' | 'kind' | 'external_id' | 'updated_at'>;

const col = createColumnHelper<ServerTableFeatures, TenantRowView>();

export function TenantsTable({ rows, sort }: { rows: TenantRowView[]; sort: Record<'name' | 'updated_at', SortLink> }) {
  const t = useTranslations('Tenants');
  const columns = useMemo(
    () =>
      col.columns([
        nameLinkColumn(col, { sort: sort.name, href: (id) => `/tenants/${id}` }),
        col.accessor('slug', { header: t('slug') }),
        col.accessor('kind', { header: t('kind'), cell: (info) => t(`kinds.${info.getValue()}`) }),
        col.accessor('external_id', { header: t('externalId'), cell: (info) => info.getValue() ?? '—' }),
        updatedAtColumn(col, sort.updated_at),
      ]),
    [sort, t],
  );
  return <DataTable caption={t('title')} columns={columns} data={rows} emptyMessage={t('empty')} />;
}
