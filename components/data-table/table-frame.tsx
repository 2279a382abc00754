import type { ReactNode } from 'react';
import { ScrollBox } from '@/components/layout/scroll-box';
import type { TableDensity } from '@/lib/domain/table-view';
import { RowNavigation } from './row-navigation';

// Sticky inside the table's own scroll box (which is at most most of the screen high), so the
// header stays in view while the rows scroll.
export const HEADER_CELL = 'sticky top-0 z-10 whitespace-nowrap bg-slate-50 px-3 py-2 text-left font-medium text-slate-700';

/** Cell padding per density; the descendant selectors outrank the cells' own padding. */
const DENSITY_CLASS: Record<TableDensity, string> = {
  comfortable: '[&_td]:py-2.5',
  compact: '[&_td]:py-1 [&_th]:py-1.5',
};

type Props = {
  caption: string;
  /** The header row(s). */
  head: ReactNode;
  /** The body rows (each `data-row`, for the arrow keys); with none, `emptyMessage` spans the `columnCount` columns instead. */
  children: ReactNode;
  rowCount: number;
  columnCount: number;
  emptyMessage: string;
  density?: TableDensity;
};

/**
 * The portal's table: a caption for screen readers, its own scroll area (so a phone's page never
 * scrolls sideways) with a sticky header, and arrow keys from row to row.
 */
export function TableFrame({ caption, head, children, rowCount, columnCount, emptyMessage, density = 'comfortable' }: Props) {
  return (
    <RowNavigation>
      <ScrollBox label={caption} className="max-h-[75vh] overflow-y-auto rounded-lg border border-slate-200 bg-white">
        <table className={`min-w-full divide-y divide-slate-200 text-sm ${DENSITY_CLASS[density]}`} data-density={density}>
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-50">{head}</thead>
          <tbody className="divide-y divide-slate-100">
            {children}
            {rowCount === 0 && (
              <tr>
                <td colSpan={columnCount} className="px-3 py-6 text-center text-slate-500">
                  {emptyMessage}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </ScrollBox>
    </RowNavigation>
  );
}

/** A server-rendered table with plain column headers (the rows are the caller's). */
export function StaticTable({ headers, ...frame }: Omit<Props, 'head' | 'columnCount'> & { headers: readonly string[] }) {
  return (
    <TableFrame
      {...frame}
      columnCount={headers.length}
      head={
        <tr>
          {headers.map((header) => (
            <th key={header} scope="col" className={HEADER_CELL}>
              {header}
            </th>
          ))}
        </tr>
      }
    />
  );
}
