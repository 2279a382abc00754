'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { DataTable } from '@/components/data-table/data-table';
import type { ServerTableFeatures } from '@/components/data-table/features';
import { SortHeader, type SortLink } from '@/components/data-table/sort-header';
import type { ChargeStation } from '@/lib/schemas/charge-station';

export type StationRowView = Pick<
  ChargeStation,
  'id' | 'name' | 'ocpp_id' | 'status' | 'availability' | 'availability_sync' | 'charger_type' | 'location_id' | 'custom_groups' | 'updated_at'
>;

const col = createColumnHelper<ServerTableFeatures, StationRowView>();

type Sorts = Record<'name' | 'ocpp_id' | 'updated_at', SortLink>;

/** The charge stations table: name and OCPP id first (SPEC §4), each row links to its station. */
export function StationsTable({ rows, sort }: { rows: StationRowView[]; sort: Sorts }) {
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor('name', {
          header: () => <SortHeader label="Name" link={sort.name} />,
          cell: (info) => (
            <Link href={`/charge-stations/${info.row.original.id}`} className="font-medium text-brand-700 hover:underline">
              {info.getValue() ?? '(unnamed)'}
            </Link>
          ),
        }),
        col.accessor('ocpp_id', { header: () => <SortHeader label="OCPP id" link={sort.ocpp_id} /> }),
        col.accessor('status', { header: 'Status' }),
        col.accessor('availability', {
          header: 'Availability',
          cell: (info) => `${info.getValue()} (${info.row.original.availability_sync.toLowerCase()})`,
        }),
        col.accessor('charger_type', { header: 'Type' }),
        col.accessor('location_id', { header: 'Location', cell: (info) => (info.getValue() ? 'Linked' : 'Unlinked') }),
        col.accessor('custom_groups', { header: 'Groups', cell: (info) => info.getValue().join(', ') }),
        col.accessor('updated_at', {
          header: () => <SortHeader label="Updated" link={sort.updated_at} />,
          cell: (info) => new Date(info.getValue()).toISOString().slice(0, 16).replace('T', ' '),
        }),
      ]),
    [sort],
  );
  return <DataTable caption="Charge stations" columns={columns} data={rows} getRowId={(r) => r.id} emptyMessage="No charge stations match." />;
}
