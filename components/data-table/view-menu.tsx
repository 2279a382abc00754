'use client';

import { useRouter } from 'next/navigation';
import { useOptimistic, useTransition } from 'react';
import { PAGE_SIZES, TABLE_DENSITIES, type TableDensity } from '@/lib/domain/table-view';
import type { TableView } from '@/lib/schemas/table-preferences';
import { HIDDEN_COLUMNS_PARAM } from '@/lib/view/hidden-columns';

export type ViewMenuWords = {
  columns: string;
  shownColumns: string;
  density: string;
  densities: Record<TableDensity, string>;
  pageSize: string;
};

/** Saves the signed-in user's view of a table (a server action handed down by the page). */
export type SaveTableView = (table: string, view: TableView) => Promise<void>;

type Props = {
  table: string;
  columns: { id: string; label: string }[];
  hidden: string[];
  density: TableDensity;
  pageSize: number;
  save: SaveTableView;
  words: ViewMenuWords;
};

const CONTROL = 'rounded border border-slate-300 bg-white px-2 py-1';

/**
 * A server-rendered table's view settings: shown columns, density and page size. Each change is
 * saved for the user (their default on every device) and shown by rendering the page again; the
 * columns and page size also go into the address, so the view stays a shareable link.
 */
export function ViewMenu({ table, columns, save, words, ...shown }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // The controls show the choice at once; the page catches up when it has rendered again.
  const [{ hidden, density, pageSize }, choose] = useOptimistic(
    { hidden: shown.hidden, density: shown.density, pageSize: shown.pageSize },
    (current, view: TableView) => ({
      hidden: view.hidden_columns ?? current.hidden,
      density: view.density ?? current.density,
      pageSize: view.page_size ?? current.pageSize,
    }),
  );
  const apply = (view: TableView, params?: (url: URLSearchParams) => void) =>
    startTransition(async () => {
      choose(view);
      await save(table, view);
      if (!params) return router.refresh();
      const url = new URLSearchParams(window.location.search);
      params(url);
      router.replace(`?${url}`, { scroll: false });
    });
  const toggleColumn = (id: string, shown: boolean) => {
    const next = shown ? hidden.filter((h) => h !== id) : [...hidden, id];
    apply({ hidden_columns: next }, (url) => {
      if (next.length) url.set(HIDDEN_COLUMNS_PARAM, next.join(','));
      else url.delete(HIDDEN_COLUMNS_PARAM);
    });
  };
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm" aria-busy={pending} data-live-ignore>
      <details className="relative">
        <summary className="cursor-pointer rounded border border-slate-300 bg-white px-2 py-1">{words.columns}</summary>
        <fieldset className="absolute z-20 mt-1 space-y-1 rounded border border-slate-200 bg-white p-3 shadow">
          <legend className="sr-only">{words.shownColumns}</legend>
          {columns.map((column) => (
            <label key={column.id} className="flex items-center gap-2 whitespace-nowrap">
              <input
                type="checkbox"
                checked={!hidden.includes(column.id)}
                disabled={pending}
                onChange={(e) => toggleColumn(column.id, e.target.checked)}
              />
              {column.label}
            </label>
          ))}
        </fieldset>
      </details>
      <fieldset className="flex items-center gap-2">
        <legend className="sr-only">{words.density}</legend>
        <span aria-hidden="true" className="text-slate-700">
          {words.density}
        </span>
        {TABLE_DENSITIES.map((option) => (
          <label key={option} className="flex items-center gap-1">
            <input
              type="radio"
              name={`${table}-density`}
              value={option}
              checked={density === option}
              disabled={pending}
              onChange={() => apply({ density: option })}
            />
            {words.densities[option]}
          </label>
        ))}
      </fieldset>
      <span className="flex items-center gap-2">
        <label htmlFor={`${table}-page-size`}>{words.pageSize}</label>
        <select
          id={`${table}-page-size`}
          className={CONTROL}
          value={pageSize}
          disabled={pending}
          onChange={(e) => {
            const size = Number(e.target.value) as TableView['page_size'];
            apply({ page_size: size }, (url) => {
              url.set('limit', String(size));
              url.delete('cursor');
            });
          }}
        >
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </span>
    </div>
  );
}
