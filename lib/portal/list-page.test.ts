import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { exportHref, loadListPage } from './list-page';

const schema = z
  .object({
    q: z.string().optional(),
    sort: z.string().default('name'),
    limit: z.coerce.number().default(50),
    cursor: z.string().optional(),
  })
  .strict();

describe('loadListPage', () => {
  it('keeps the hidden columns out of the strict API query but in the page links', async () => {
    let seen: unknown;
    const result = await loadListPage(schema, { q: 'Utrecht', hide: 'city,country' }, { limit: '50' }, async (query) => {
      seen = query;
      return { data: [], next_cursor: null };
    });
    expect(seen).toEqual({ q: 'Utrecht', sort: 'name', limit: 50 });
    expect(result.notice).toBeUndefined();
    expect(result.hidden).toEqual(['city', 'country']);
    expect(result.params.get('hide')).toBe('city,country');
  });

  it('drops filters it could not use from the links, and says so', async () => {
    const result = await loadListPage(schema, { q: 'x', bogus: '1', hide: 'city' }, { limit: '50' }, async () => ({
      data: [],
      next_cursor: null,
    }));
    expect(result.notice).toBe('invalidFilters');
    expect(result.query).toEqual({ sort: 'name', limit: 50 });
    expect([...result.params.keys()]).toEqual(['hide']);
  });

  it('shows the user’s saved columns unless the address names its own', async () => {
    const list = async () => ({ data: [], next_cursor: null });
    const saved = await loadListPage(schema, { q: 'x' }, { limit: '50' }, list, ['status']);
    expect(saved.hidden).toEqual(['status']);
    expect(saved.params.get('hide')).toBe('status');
    const given = await loadListPage(schema, { hide: 'city' }, { limit: '50' }, list, ['status']);
    expect(given.hidden).toEqual(['city']);
  });

  it('starts again at the first page when the cursor is not valid any more', async () => {
    const seen: unknown[] = [];
    const result = await loadListPage(schema, { cursor: 'stale' }, { limit: '50' }, async (query) => {
      seen.push(query.cursor);
      if (query.cursor) throw new AppError('bad_request', 'cursor does not match');
      return { data: [], next_cursor: null };
    });
    expect(seen).toEqual(['stale', undefined]);
    expect(result.notice).toBe('expiredCursor');
  });

  it('exports the current filters without paging or view settings', () => {
    const href = exportHref('/api/v2/locations/export', new URLSearchParams('q=Utrecht&cursor=abc&limit=50&hide=city&sort=name'));
    expect(href).toBe('/api/v2/locations/export?q=Utrecht&sort=name&format=csv');
  });
});
