'use client';

import { useMemo, useState } from 'react';
import { createColumnHelper, type RowSelectionState } from '@tanstack/react-table';
import { nameLinkColumn, updatedAtColumn } from '@/components/data-table/columns';
import { DataTable } from '@/components/data-table/data-table';
import type { ServerTableFeatures } from '@/components/data-table/features';
import { SortHeader, type SortLink } from '@/components/data-table/sort-header';
import { ConnectionState, LastHeard } from '@/components/live/connection-state';
import type { FormAction } from '@/lib/actions/define-action';
import type { ChargeStation } from '@/lib/schemas/charge-station';
import { BulkBar, type BulkChoice, type BulkPermissions } from './bulk-bar';

export type StationRowView = Pick<
  ChargeStation,
  | 'id'
  | 'name'
  | 'ocpp_id'
  | 'status'
  | 'connected'
  | 'last_heartbeat_at'
  | 'availability'
  | 'availability_sync'
  | 'charger_type'
  | 'location_id'
  | 'custom_groups'
  | 'updated_at'
>;

const col = createColumnHelper<ServerTableFeatures, StationRowView>();

type Sorts = Record<'name' | 'ocpp_id' | 'updated_at', SortLink>;

/** Names in the "Columns" chooser, by column id. */
export const STATION_COLUMN_LABELS: Record<string, string> = {
  name: 'Name',
  ocpp_id: 'OCPP id',
  connected: 'Connection',
  last_heartbeat_at: 'Last heard',
  status: 'Status',
  availability: 'Availability',
  charger_type: 'Type',
  location_id: 'Location',
  custom_groups: 'Groups',
  updated_at: 'Updated',
};

type Bulk = { action: FormAction; permissions: BulkPermissions; tariffs: BulkChoice[]; maxIds: number };

/**
 * The charge stations table: name and OCPP id first, the two ways people tell a station apart
 * (a name is optional; the OCPP id is what the charger reports). Each row links to its station;
 * with `bulk`, rows can be selected and changed together.
 */
export function StationsTable({
  rows,
  sort,
  hiddenColumns,
  bulk,
}: {
  rows: StationRowView[];
  sort: Sorts;
  hiddenColumns: string[];
  bulk?: Bulk;
}) {
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const columns = useMemo(
    () =>
      col.columns([
        nameLinkColumn(col, { sort: sort.name, href: (id) => `/charge-stations/${id}`, unnamed: '(unnamed)' }),
        col.accessor('ocpp_id', { header: () => <SortHeader label="OCPP id" link={sort.ocpp_id} /> }),
        col.accessor('connected', { header: 'Connection', cell: (info) => <ConnectionState station={info.row.original} /> }),
        col.accessor('last_heartbeat_at', { header: 'Last heard', cell: (info) => <LastHeard at={info.getValue()} /> }),
        col.accessor('status', { header: 'Status' }),
        col.accessor('availability', {
          header: 'Availability',
          cell: (info) => `${info.getValue()} (${info.row.original.availability_sync.toLowerCase()})`,
        }),
        col.accessor('charger_type', { header: 'Type' }),
        col.accessor('location_id', { header: 'Location', cell: (info) => (info.getValue() ? 'Linked' : 'Unlinked') }),
        col.accessor('custom_groups', { header: 'Groups', cell: (info) => info.getValue().join(', ') }),
        updatedAtColumn(col, sort.updated_at),
      ]),
    [sort],
  );
  const byId = useMemo(() => new Map(rows.map((r) => [r.id, r])), [rows]);
  const labelOf = (id: string) => {
    const row = byId.get(id);
    return row ? `${row.name ?? '(unnamed)'} (${row.ocpp_id})` : id;
  };
  // Only rows on this page count: a selection never reaches stations the user cannot see.
  const selectedIds = Object.keys(rowSelection).filter((id) => rowSelection[id] && byId.has(id));
  return (
    <div className="space-y-3">
      {bulk && (
        <BulkBar
          action={bulk.action}
          selectedIds={selectedIds}
          labelOf={labelOf}
          permissions={bulk.permissions}
          tariffs={bulk.tariffs}
          maxIds={bulk.maxIds}
          onClear={() => setRowSelection({})}
        />
      )}
      <DataTable
        caption="Charge stations"
        columns={columns}
        data={rows}
        emptyMessage="No charge stations match."
        hiddenColumns={hiddenColumns}
        columnLabels={STATION_COLUMN_LABELS}
        selection={bulk ? { rowSelection, onChange: setRowSelection, label: labelOf } : undefined}
      />
    </div>
  );
}
