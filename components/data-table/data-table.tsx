'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { useTable, type ColumnDef, type RowData, type RowSelectionState, type ColumnVisibilityState } from '@tanstack/react-table';
import type { TableDensity } from '@/lib/domain/table-view';
import { HIDDEN_COLUMNS_PARAM } from '@/lib/view/hidden-columns';
import { serverTableFeatures, type ServerTableFeatures } from './features';
import { HEADER_CELL, TableFrame } from './table-frame';

type Selection = { rowSelection: RowSelectionState; onChange: (next: RowSelectionState) => void; label: (id: string) => string };

type Props<T extends RowData> = {
  caption: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns hold values of any type
  columns: ColumnDef<ServerTableFeatures, T, any>[];
  data: T[];
  emptyMessage: string;
  /** Column ids hidden initially (from the URL); with it the table offers a "Columns" chooser. */
  hiddenColumns?: string[];
  /** Names of the columns in that chooser, by column id. */
  columnLabels?: Record<string, string>;
  /** Row checkboxes, owned by the caller (bulk actions). */
  selection?: Selection;
  density?: TableDensity;
};

/** A server-driven table of rows keyed by their `id` (selection, React keys); wide tables scroll inside their own container on small screens. */
export function DataTable<T extends RowData & { id: string }>({
  caption,
  columns,
  data,
  emptyMessage,
  hiddenColumns,
  columnLabels,
  selection,
  density,
}: Props<T>) {
  const t = useTranslations('DataTable');
  const [columnVisibility, setColumnVisibility] = useState<ColumnVisibilityState>(() =>
    Object.fromEntries((hiddenColumns ?? []).map((id) => [id, false])),
  );
  const table = useTable({
    features: serverTableFeatures,
    columns,
    data,
    getRowId: (row) => row.id,
    state: { columnVisibility, rowSelection: selection?.rowSelection ?? {} },
    onColumnVisibilityChange: (updater) => {
      const next = typeof updater === 'function' ? updater(columnVisibility) : updater;
      setColumnVisibility(next);
      rememberHiddenColumns(next);
    },
    enableRowSelection: Boolean(selection),
    onRowSelectionChange: (updater) => {
      if (!selection) return;
      selection.onChange(typeof updater === 'function' ? updater(selection.rowSelection) : updater);
    },
  });
  return (
    <div className="space-y-2">
      {hiddenColumns && (
        <details className="relative inline-block text-sm">
          <summary className="cursor-pointer rounded border border-slate-300 bg-white px-2 py-1">{t('columns')}</summary>
          <fieldset className="absolute z-10 mt-1 space-y-1 rounded border border-slate-200 bg-white p-3 shadow">
            <legend className="sr-only">{t('shownColumns')}</legend>
            {table
              .getAllLeafColumns()
              .filter((column) => column.getCanHide())
              .map((column) => (
                <label key={column.id} className="flex items-center gap-2 whitespace-nowrap">
                  <input type="checkbox" checked={column.getIsVisible()} onChange={column.getToggleVisibilityHandler()} />
                  {columnLabels?.[column.id] ?? column.id}
                </label>
              ))}
          </fieldset>
        </details>
      )}
      <TableFrame
        caption={caption}
        rowCount={data.length}
        columnCount={table.getVisibleLeafColumns().length + (selection ? 1 : 0)}
        emptyMessage={emptyMessage}
        density={density}
        head={table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {selection && (
              <th scope="col" className={`w-8 ${HEADER_CELL}`}>
                <input
                  type="checkbox"
                  aria-label={t('selectPage')}
                  checked={table.getIsAllPageRowsSelected()}
                  ref={(box) => {
                    if (box) box.indeterminate = table.getIsSomePageRowsSelected() && !table.getIsAllPageRowsSelected();
                  }}
                  onChange={table.getToggleAllPageRowsSelectedHandler()}
                />
              </th>
            )}
            {group.headers.map((header) => (
              <th key={header.id} scope="col" className={HEADER_CELL}>
                {header.isPlaceholder ? null : <table.FlexRender header={header} />}
              </th>
            ))}
          </tr>
        ))}
      >
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id} data-row className={row.getIsSelected() ? 'bg-brand-50' : 'hover:bg-slate-50 focus-within:bg-slate-50'}>
            {selection && (
              <td className="px-3 py-2">
                <input
                  type="checkbox"
                  aria-label={t('selectRow', { row: selection.label(row.id) })}
                  checked={row.getIsSelected()}
                  onChange={row.getToggleSelectedHandler()}
                />
              </td>
            )}
            {row.getVisibleCells().map((cell) => (
              <td key={cell.id} className="whitespace-nowrap px-3 py-2">
                <table.FlexRender cell={cell} />
              </td>
            ))}
          </tr>
        ))}
      </TableFrame>
    </div>
  );
}

/** Keeps the hidden columns in the address without a server round trip (Next syncs history state). */
function rememberHiddenColumns(visibility: ColumnVisibilityState) {
  const url = new URL(window.location.href);
  const hidden = Object.entries(visibility)
    .filter(([, visible]) => !visible)
    .map(([id]) => id);
  if (hidden.length) url.searchParams.set(HIDDEN_COLUMNS_PARAM, hidden.join(','));
  else url.searchParams.delete(HIDDEN_COLUMNS_PARAM);
  window.history.replaceState(window.history.state, '', url);
  // The page's filter form carries the view's columns through "Apply".
  for (const input of document.querySelectorAll<HTMLInputElement>(`form[role="search"] input[name="${HIDDEN_COLUMNS_PARAM}"]`)) {
    input.value = hidden.join(',');
    input.disabled = hidden.length === 0;
  }
}
