import { requirePermission, type AuthContext } from '@/lib/auth/context';
import { AppError } from '@/lib/errors';
import { bulkItemsSchema, bulkStationSchema, type BulkStationItem, type BulkStationOperation } from '@/lib/schemas/charge-station';
import { parseOrThrow } from '@/lib/schemas/parse';
import { assertVersion } from '@/lib/services/shared/if-match';
import { getChargeStation } from './get-charge-station';
import { setAvailability } from './set-availability';
import { setTariffs } from './set-tariffs';
import { stationUpdate } from './update-charge-station';

export type BulkRowResult = { id: string; ok: boolean; message: string };

/**
 * The message a person sees for one failed row. An unexpected failure (database gone, a bug) is
 * logged and reported on its row too: the rows before it are already saved and must be shown.
 */
export function rowError(error: unknown): string {
  if (!(error instanceof AppError)) {
    console.error('bulk station operation failed on one row', error);
    return 'Unexpected error; this station was not changed.';
  }
  switch (error.code) {
    case 'not_found':
      return 'Not found (deleted, or not visible to you).';
    case 'precondition_failed':
      return 'Changed by someone else in the meantime; retry.';
    case 'validation': {
      const first = error.extra.errors?.[0];
      return first ? `${error.detail} ${first.path}: ${first.message}` : error.detail;
    }
    default:
      return error.detail;
  }
}

/**
 * Adds or removes one group, computed from the groups the station has once its row is locked, so
 * a concurrent change is never overwritten. A station already as asked is checked like a write
 * (404, 403, 412) but not written.
 */
async function changeGroup(ctx: AuthContext, { id, version }: BulkStationItem, group: string, add: boolean): Promise<string> {
  const station = await getChargeStation({ ctx, id });
  if (station.custom_groups.includes(group) === add) {
    requirePermission(ctx, 'station:write', station.tenant_id);
    assertVersion('charge station', station.version, version);
    return add ? 'Already in the group.' : 'Was not in the group.';
  }
  await stationUpdate({
    ctx,
    id,
    mode: 'merge',
    expectedVersion: version,
    body: ({ custom_groups: groups }) => ({
      custom_groups: add ? [...groups.filter((g) => g !== group), group] : groups.filter((g) => g !== group),
    }),
  });
  return add ? 'Added to the group.' : 'Removed from the group.';
}

async function applyOne(ctx: AuthContext, item: BulkStationItem, op: BulkStationOperation): Promise<string> {
  const { id, version: expectedVersion } = item;
  switch (op.operation) {
    case 'availability':
      await setAvailability({ ctx, id, input: { availability: op.availability }, expectedVersion });
      return `Availability set to ${op.availability}.`;
    case 'tariff':
      await setTariffs({ ctx, id, input: { tariff_ids: [op.tariff_id] }, expectedVersion });
      return `Tariff ${op.tariff_id} set on every connector.`;
    case 'group_add':
      return changeGroup(ctx, item, op.group, true);
    case 'group_remove':
      return changeGroup(ctx, item, op.group, false);
  }
}

/**
 * The stations table's bulk actions: one operation applied to each station through the same verb
 * as a single change — its own transaction, scoped lookup (404), permission (403), If-Match when
 * a version is given (412) and audit event — and reported per row, so a station the caller may not
 * change, or whose tenant is not offered the tariff, fails alone. At most BULK_MAX_IDS stations (422).
 */
export async function bulkUpdateChargeStations({
  ctx,
  items,
  operation,
}: {
  ctx: AuthContext;
  items: BulkStationItem[];
  operation: BulkStationOperation;
}): Promise<BulkRowResult[]> {
  const rows = parseOrThrow(bulkItemsSchema, items, 'validation', '/items');
  const op = parseOrThrow(bulkStationSchema, operation, 'validation', '/operation');
  const results: BulkRowResult[] = [];
  // In order, one at a time: a bulk call never takes more than one pool connection.
  for (const item of rows) {
    try {
      results.push({ id: item.id, ok: true, message: await applyOne(ctx, item, op) });
    } catch (error) {
      results.push({ id: item.id, ok: false, message: rowError(error) });
    }
  }
  return results;
}
