import type { ReactNode } from 'react';
import { ScrollBox } from '@/components/layout/scroll-box';

export const HEADER_CELL = 'whitespace-nowrap px-3 py-2 text-left font-medium text-slate-700';

type Props = {
  caption: string;
  /** The header row(s). */
  head: ReactNode;
  /** The body rows; with none, `emptyMessage` spans the `columnCount` columns instead. */
  children: ReactNode;
  rowCount: number;
  columnCount: number;
  emptyMessage: string;
};

/** The portal's table: a caption for screen readers, and its own scroll area so a phone's page never scrolls sideways. */
export function TableFrame({ caption, head, children, rowCount, columnCount, emptyMessage }: Props) {
  return (
    <ScrollBox label={caption} className="rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
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
