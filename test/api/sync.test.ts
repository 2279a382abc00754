import { inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/client';
import { chargeStations } from '@/lib/db/schema';
import { chargeStationListQuerySchema } from '@/lib/schemas/charge-station';
import { listChargeStations, updateChargeStation } from '@/lib/services/charge-stations';
import { makeTenant, userContext } from '@/test/fixtures';

const TOTAL = 5000;

describe('incremental sync by date_from + cursor', () => {
  it('pages through 5k stations with limit=100 while they are updated: every station seen, none lost', async () => {
    const tenant = (await makeTenant('Warehouse')).id;
    const reader = await userContext('viewer', [tenant]);
    const writer = await userContext('customer_admin', [tenant]);
    const stamp = Date.now().toString(36);
    const rows = Array.from({ length: TOTAL }, (_, i) => ({ tenantId: tenant, ocppId: `SYNC-${stamp}-${i}`, chargerType: 'AC' as const }));
    const ids: string[] = [];
    for (let i = 0; i < rows.length; i += 1000) {
      ids.push(
        ...(
          await getDb()
            .insert(chargeStations)
            .values(rows.slice(i, i + 1000))
            .returning({ id: chargeStations.id })
        ).map((r) => r.id),
      );
    }
    const since = new Date(Date.now() - 60_000).toISOString();

    let paging = true;
    let updates = 0;
    const updater = (async () => {
      // Keep changing random stations (through the real service) for as long as the reader pages.
      while (paging) {
        const id = ids[Math.floor(Math.random() * ids.length)]!;
        await updateChargeStation({ ctx: writer, id, mode: 'merge', body: { remarks: `touched ${updates}` } });
        updates += 1;
      }
    })();

    const seen = new Map<string, number>();
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listChargeStations({
        ctx: reader,
        query: chargeStationListQuerySchema.parse({ limit: '100', date_from: since, ...(cursor ? { cursor } : {}) }),
      });
      for (const s of page.data) seen.set(s.id, (seen.get(s.id) ?? 0) + 1);
      cursor = page.next_cursor ?? undefined;
      pages += 1;
    } while (cursor);
    paging = false;
    await updater;

    expect(updates).toBeGreaterThan(10);
    expect(pages).toBeGreaterThanOrEqual(TOTAL / 100);
    const missing = ids.filter((id) => !seen.has(id));
    expect(missing).toEqual([]);
    // Stations changed during the sync come again later, with their new version.
    expect([...seen.values()].some((n) => n > 1)).toBe(true);
    await getDb().delete(chargeStations).where(inArray(chargeStations.id, ids));
  }, 120_000);
});
