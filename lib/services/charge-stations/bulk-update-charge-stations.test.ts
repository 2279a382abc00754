import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuthContext } from '@/lib/auth/context';
import { systemContext } from '@/lib/auth/context';
import { BULK_MAX_IDS, bulkIdsSchema, bulkStationSchema, type BulkStationOperation } from '@/lib/schemas/charge-station';
import { makeLocation, makeTariff, makeTenant, userContext } from '@/test/fixtures';
import { rowError } from './bulk-update-charge-stations';
import { bulkUpdateChargeStations, createChargeStation, getChargeStation, updateChargeStation } from './index';

const applyBulkStationOperation = (ctx: AuthContext, ids: string[], operation: BulkStationOperation) =>
  bulkUpdateChargeStations({ ctx, items: ids.map((id) => ({ id })), operation });

let n = 0;
let own: string;
let other: string;
let cpo: AuthContext;
let operator: AuthContext;
let viewer: AuthContext;
let ownTariff: string;

async function newStation(tenantId: string) {
  const location = await makeLocation(tenantId);
  return createChargeStation({
    ctx: systemContext(),
    input: {
      ocpp_id: `BULK-${Date.now().toString(36)}-${++n}`,
      location_id: location.id,
      charger_type: 'AC',
      custom_groups: ['Phase 1'],
      evses: [
        {
          connectors: [
            { id: '1', standard: 'IEC_62196_T2', format: 'SOCKET', power_type: 'AC_3_PHASE', max_voltage: 400, max_amperage: 32 },
          ],
        },
      ],
    },
  });
}

beforeAll(async () => {
  own = (await makeTenant('Bulk own')).id;
  other = (await makeTenant('Bulk other')).id;
  cpo = await userContext('cpo_admin');
  operator = await userContext('customer_operator', [own]);
  viewer = await userContext('viewer', [own]);
  ownTariff = await makeTariff('AC-BULK', [own]);
});

describe('bulkUpdateChargeStations', () => {
  it('sets availability on every selected station, each with its own audit event', async () => {
    const a = await newStation(own);
    const b = await newStation(own);
    const results = await applyBulkStationOperation(operator, [a.id, b.id], { operation: 'availability', availability: 'INOPERATIVE' });
    expect(results.map((r) => [r.id, r.ok])).toEqual([
      [a.id, true],
      [b.id, true],
    ]);
    expect((await getChargeStation({ ctx: operator, id: b.id })).availability).toBe('INOPERATIVE');
  });

  it('reports per row: another tenant’s station is not found, a viewer is refused, a tariff not offered fails only there', async () => {
    const mine = await newStation(own);
    const theirs = await newStation(other);
    const asOperator = await applyBulkStationOperation(operator, [mine.id, theirs.id], {
      operation: 'availability',
      availability: 'INOPERATIVE',
    });
    expect(asOperator[0]).toMatchObject({ ok: true });
    expect(asOperator[1]).toMatchObject({ ok: false, message: expect.stringMatching(/not found/i) });

    const asViewer = await applyBulkStationOperation(viewer, [mine.id], { operation: 'availability', availability: 'OPERATIVE' });
    expect(asViewer[0]).toMatchObject({ ok: false, message: expect.stringContaining('station:availability') });

    const tariff = await applyBulkStationOperation(cpo, [mine.id, theirs.id], { operation: 'tariff', tariff_id: ownTariff });
    expect(tariff[0]).toMatchObject({ ok: true });
    expect(tariff[1]).toMatchObject({ ok: false, message: expect.stringMatching(/tariff_ids\/0/) });
    const after = await getChargeStation({ ctx: cpo, id: mine.id });
    expect(after.evses[0]!.connectors[0]!.tariff_ids).toEqual([ownTariff]);
  });

  it('adds and removes a group by merge patch, keeping the other groups', async () => {
    const s = await newStation(own);
    const added = await applyBulkStationOperation(operator, [s.id], { operation: 'group_add', group: 'Garage B' });
    expect(added[0]).toMatchObject({ ok: true, message: 'Added to the group.' });
    expect((await getChargeStation({ ctx: operator, id: s.id })).custom_groups.sort()).toEqual(['Garage B', 'Phase 1']);
    const again = await applyBulkStationOperation(operator, [s.id], { operation: 'group_add', group: 'Garage B' });
    expect(again[0]).toMatchObject({ ok: true, message: 'Already in the group.' });
    const removed = await applyBulkStationOperation(operator, [s.id], { operation: 'group_remove', group: 'Phase 1' });
    expect(removed[0]).toMatchObject({ ok: true });
    expect((await getChargeStation({ ctx: operator, id: s.id })).custom_groups).toEqual(['Garage B']);
  });

  it('a concurrent change between read and write is refused by version and reported as "retry", not overwritten', async () => {
    const s = await newStation(own);
    // What the group operation does, with the read taken before someone else's edit.
    await updateChargeStation({ ctx: operator, id: s.id, body: { remarks: 'edited meanwhile' }, mode: 'merge' });
    const stale = updateChargeStation({ ctx: operator, id: s.id, body: { custom_groups: [] }, mode: 'merge', expectedVersion: s.version });
    const error = await stale.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'precondition_failed' });
    expect(rowError(error)).toBe('Changed by someone else in the meantime; retry.');
    expect((await getChargeStation({ ctx: operator, id: s.id })).custom_groups).toEqual(['Phase 1']);
  });
});

describe('bulkUpdateChargeStations with versions', () => {
  it('checks If-Match per row for every operation: a stale row fails alone, the others apply', async () => {
    const fresh = await newStation(own);
    const stale = await newStation(own);
    await updateChargeStation({ ctx: operator, id: stale.id, body: { remarks: 'edited meanwhile' }, mode: 'merge' });
    for (const operation of [
      { operation: 'availability', availability: 'INOPERATIVE' },
      { operation: 'tariff', tariff_id: ownTariff },
      { operation: 'group_add', group: 'Garage C' },
    ] as const) {
      const current = await getChargeStation({ ctx: operator, id: fresh.id });
      const results = await bulkUpdateChargeStations({
        ctx: operator,
        items: [
          { id: fresh.id, version: current.version },
          { id: stale.id, version: stale.version },
        ],
        operation,
      });
      expect(results).toEqual([
        { id: fresh.id, ok: true, message: expect.any(String) },
        { id: stale.id, ok: false, message: 'Changed by someone else in the meantime; retry.' },
      ]);
    }
    const untouched = await getChargeStation({ ctx: operator, id: stale.id });
    expect(untouched).toMatchObject({ availability: 'OPERATIVE', custom_groups: ['Phase 1'] });
  });

  it('a station already as asked is still checked like a write: a viewer is refused, nothing is written', async () => {
    const s = await newStation(own);
    const [row] = await bulkUpdateChargeStations({
      ctx: viewer,
      items: [{ id: s.id }],
      operation: { operation: 'group_add', group: 'Phase 1' },
    });
    expect(row).toMatchObject({ ok: false, message: expect.stringContaining('station:write') });
    expect((await getChargeStation({ ctx: viewer, id: s.id })).version).toBe(s.version);
  });

  it('refuses more than BULK_MAX_IDS stations (422) and applies a station listed twice once', async () => {
    const items = Array.from({ length: BULK_MAX_IDS + 1 }, () => ({ id: crypto.randomUUID() }));
    await expect(
      bulkUpdateChargeStations({ ctx: operator, items, operation: { operation: 'availability', availability: 'OPERATIVE' } }),
    ).rejects.toMatchObject({ code: 'validation', extra: { errors: [{ path: '/items' }] } });
    const s = await newStation(own);
    const results = await bulkUpdateChargeStations({
      ctx: operator,
      items: [{ id: s.id }, { id: s.id }],
      operation: { operation: 'group_remove', group: 'Phase 1' },
    });
    expect(results).toEqual([{ id: s.id, ok: true, message: 'Removed from the group.' }]);
  });
});

describe('bulk input', () => {
  it('accepts at most BULK_MAX_IDS uuids and only known operations', () => {
    const ids = Array.from({ length: BULK_MAX_IDS + 1 }, () => crypto.randomUUID());
    expect(bulkIdsSchema.safeParse(ids).success).toBe(false);
    expect(bulkIdsSchema.safeParse(ids.slice(1)).success).toBe(true);
    expect(bulkIdsSchema.safeParse(['not-a-uuid']).success).toBe(false);
    expect(bulkStationSchema.safeParse({ operation: 'delete' }).success).toBe(false);
    expect(bulkStationSchema.safeParse({ operation: 'tariff', tariff_id: 'bad code!' }).success).toBe(false);
  });

  it('reports an unexpected failure on its row instead of losing the rows already saved', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(rowError(new Error('connection reset'))).toBe('Unexpected error; this station was not changed.');
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });
});
