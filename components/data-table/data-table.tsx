'use client';

import { useTable, type ColumnDef, type RowData } from '@tanstack/react-table';
import { serverTableFeatures, type ServerTableFeatures } from './features';

type Props<T extends RowData> = {
  caption: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns hold values of any type
  columns: ColumnDef<ServerTableFeatures, T, any>[];
  data: T[];
  getRowId: (row: T) => string;
  emptyMessage: string;
};

/** A server-driven table; wide tables scroll inside their own container on small screens. */
export function DataTable<T extends RowData>({ caption, columns, data, getRowId, emptyMessage }: Props<T>) {
  const table = useTable({ features: serverTableFeatures, columns, data, getRowId });
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col" className="whitespace-nowrap px-3 py-2 text-left font-medium text-slate-700">
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100">
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className="hover:bg-slate-50">
              {row.getAllCells().map((cell) => (
                <td key={cell.id} className="whitespace-nowrap px-3 py-2">
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
          {data.length === 0 && (
            <tr>
              <td colSpan={columns.length} className="px-3 py-6 text-center text-slate-500">
                {emptyMessage}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
