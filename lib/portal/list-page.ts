import type { z } from 'zod';
import { AppError } from '@/lib/errors';
import { toSearchParams } from '@/lib/http/search-params';

type Page<T> = { data: T[]; next_cursor: string | null };

/**
 * A portal list page's data: the URL's search params parsed by the same schema as the API list
 * (a bad address falls back to the default view and says so), then one call of the list verb.
 */
export async function loadListPage<Q extends { cursor?: string }, T>(
  schema: z.ZodType<Q>,
  raw: Record<string, string | string[] | undefined>,
  defaults: Record<string, string>,
  list: (query: Q) => Promise<Page<T>>,
) {
  const params = toSearchParams(raw);
  const parsed = schema.safeParse({ ...defaults, ...Object.fromEntries(params) });
  const query = parsed.success ? parsed.data : schema.parse(defaults);
  let notice = parsed.success ? undefined : 'Some filters in the address were not valid and were ignored.';
  let page: Page<T>;
  try {
    page = await list(query);
  } catch (error) {
    // A cursor from another filter or session: start again at the first page.
    if (!(error instanceof AppError) || error.code !== 'bad_request') throw error;
    notice = 'That page link has expired; showing the first page.';
    page = await list({ ...query, cursor: undefined });
  }
  return { query, page, notice, params };
}
