'use client';

import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { nameLinkColumn, updatedAtColumn } from '@/components/data-table/columns';
import { DataTable } from '@/components/data-table/data-table';
import type { ServerTableFeatures } from '@/components/data-table/features';
import type { SortLink } from '@/components/data-table/sort-header';
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
  columnLabels: Record<string, string>;
};

/** The locations table: each row links to its location; hidden columns are kept in the URL. */
export function LocationsTable({ rows, sort, hiddenColumns, columnLabels }: Props) {
  const columns = useMemo(
    () =>
      col.columns([
        nameLinkColumn(col, { sort: sort.name, href: (id) => `/locations/${id}` }),
        col.accessor('address', { header: 'Address' }),
        col.accessor('city', { header: 'City' }),
        col.accessor('country', { header: 'Country' }),
        col.accessor('stations_count', { header: 'Stations' }),
        col.accessor('custom_groups', { header: 'Groups', cell: (info) => info.getValue().join(', ') }),
        updatedAtColumn(col, sort.updated_at),
      ]),
    [sort],
  );
  return (
    <DataTable
      caption="Locations"
      columns={columns}
      data={rows}
      emptyMessage="No locations match."
      hiddenColumns={hiddenColumns}
      columnLabels={columnLabels}
    />
  );
}
