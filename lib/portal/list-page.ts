import type { z } from 'zod';
import { AppError } from '@/lib/errors';
import { toSearchParams } from '@/lib/http/search-params';
import { HIDDEN_COLUMNS_PARAM, parseHiddenColumns } from '@/lib/view/hidden-columns';

type Page<T> = { data: T[]; next_cursor: string | null };

/** Why a list shows other rows than its address asked for; ListNotice says it in the user's language. */
export type ListNoticeKind = 'invalidFilters' | 'expiredCursor';

/**
 * A portal list page's data: the URL's search params parsed by the same schema as the API list
 * (a bad address falls back to the default view and says so), then one call of the list verb.
 * The table's hidden columns (`hide`) are split off before the (strict) API schema and stay in
 * `params`, so sort and page links keep them. Without `hide` in the address, the user's saved
 * choice of columns (`savedHidden`) applies.
 */
export async function loadListPage<Q extends { cursor?: string }, T>(
  schema: z.ZodType<Q>,
  raw: Record<string, string | string[] | undefined>,
  defaults: Record<string, string>,
  list: (query: Q) => Promise<Page<T>>,
  savedHidden: readonly string[] = [],
) {
  const { [HIDDEN_COLUMNS_PARAM]: hide, ...filters } = raw;
  const hidden = hide === undefined ? [...savedHidden] : parseHiddenColumns(hide);
  const given = toSearchParams(filters);
  const parsed = schema.safeParse({ ...defaults, ...Object.fromEntries(given) });
  const query = parsed.success ? parsed.data : schema.parse(defaults);
  // Links (sort, pages, export) carry what the page shows: the ignored filters are dropped.
  const params = parsed.success ? given : new URLSearchParams();
  let notice: ListNoticeKind | undefined = parsed.success ? undefined : 'invalidFilters';
  let page: Page<T>;
  try {
    page = await list(query);
  } catch (error) {
    // A cursor from another filter or session: start again at the first page.
    if (!(error instanceof AppError) || error.code !== 'bad_request') throw error;
    notice = 'expiredCursor';
    page = await list({ ...query, cursor: undefined });
  }
  if (hidden.length) params.set(HIDDEN_COLUMNS_PARAM, hidden.join(','));
  return { query, page, notice, params, hidden };
}

/** The list's filters as its export endpoint takes them (no paging, no view settings), as CSV. */
export function exportHref(exportPath: string, params: URLSearchParams): string {
  const filters = new URLSearchParams(params);
  for (const key of ['cursor', 'limit', HIDDEN_COLUMNS_PARAM]) filters.delete(key);
  filters.set('format', 'csv');
  return `${exportPath}?${filters}`;
}
