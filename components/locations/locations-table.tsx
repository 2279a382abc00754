'use client';

import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { DataTable } from '@/components/data-table/data-table';
import type { ServerTableFeatures } from '@/components/data-table/features';
import { SortHeader, type SortLink } from '@/components/data-table/sort-header';
import type { Location } from '@/lib/schemas/location';
import { formatTimestamp } from '@/lib/format';
import { RowLink } from '@/components/data-table/row-link';

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
        col.accessor('name', {
          enableHiding: false,
          header: () => <SortHeader label="Name" link={sort.name} />,
          cell: (info) => <RowLink href={`/locations/${info.row.original.id}`}>{info.getValue()}</RowLink>,
        }),
        col.accessor('address', { header: 'Address' }),
        col.accessor('city', { header: 'City' }),
        col.accessor('country', { header: 'Country' }),
        col.accessor('stations_count', { header: 'Stations' }),
        col.accessor('custom_groups', { header: 'Groups', cell: (info) => info.getValue().join(', ') }),
        col.accessor('updated_at', {
          header: () => <SortHeader label="Updated" link={sort.updated_at} />,
          cell: (info) => formatTimestamp(info.getValue()),
        }),
      ]),
    [sort],
  );
  return (
    <DataTable
      caption="Locations"
      columns={columns}
      data={rows}
      getRowId={(r) => r.id}
      emptyMessage="No locations match."
      hiddenColumns={hiddenColumns}
      columnLabels={columnLabels}
    />
  );
}
