'use client';

import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { useLocale, useTranslations } from 'next-intl';
import { DataTable } from '@/components/data-table/data-table';
import type { ServerTableFeatures } from '@/components/data-table/features';
import { RowLink } from '@/components/data-table/row-link';
import { SortHeader, type SortLink } from '@/components/data-table/sort-header';
import { formatNumber, formatTimestamp } from '@/lib/format';
import type { LOCATION_COLUMNS } from '@/lib/portal/location-list';
import type { Location } from '@/lib/schemas/location';

export type LocationRowView = Pick<
  Location,
  'id' | 'name' | 'address' | 'city' | 'country' | 'stations_count' | 'custom_groups' | 'updated_at'
>;

const col = createColumnHelper<ServerTableFeatures, LocationRowView>();

type Props = {
  rows: LocationRowView[];
  sort: Record<'name' | 'updated_at', SortLink>;
  /** Column ids hidden by the URL's `hide`; the table then offers its column chooser. */
  hiddenColumns: string[];
};

/** The locations table: each row links to its location; hidden columns are kept in the URL. */
export function LocationsTable({ rows, sort, hiddenColumns }: Props) {
  const t = useTranslations('Locations');
  const locale = useLocale();
  const labels: Record<(typeof LOCATION_COLUMNS)[number], string> = {
    address: t('address'),
    city: t('city'),
    country: t('country'),
    stations_count: t('stations'),
    custom_groups: t('groups'),
    updated_at: t('updated'),
  };
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor('name', {
          id: 'name',
          enableHiding: false,
          header: () => <SortHeader label={t('name')} link={sort.name} />,
          cell: (info) => <RowLink href={`/locations/${info.row.original.id}`}>{info.getValue()}</RowLink>,
        }),
        col.accessor('address', { header: t('address') }),
        col.accessor('city', { header: t('city') }),
        col.accessor('country', { header: t('country') }),
        col.accessor('stations_count', { header: t('stations'), cell: (info) => formatNumber(info.getValue(), locale) }),
        col.accessor('custom_groups', { header: t('groups'), cell: (info) => info.getValue().join(', ') }),
        col.accessor('updated_at', {
          id: 'updated_at',
          header: () => <SortHeader label={t('updated')} link={sort.updated_at} />,
          cell: (info) => formatTimestamp(info.getValue(), locale),
        }),
      ]),
    [sort, t, locale],
  );
  return (
    <DataTable
      caption={t('title')}
      columns={columns}
      data={rows}
      emptyMessage={t('empty')}
      hiddenColumns={hiddenColumns}
      columnLabels={labels}
    />
  );
}
