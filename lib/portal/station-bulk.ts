import { z } from 'zod';
import type { AuthContext } from '@/lib/auth/context';
import { AVAILABILITIES } from '@/lib/domain/vocabulary';
import { AppError } from '@/lib/errors';
import { customGroupNames, uuid } from '@/lib/schemas/common';
import { tariffCode } from '@/lib/schemas/tariff';
import { getChargeStation, setAvailability, setTariffs, updateChargeStation } from '@/lib/services/charge-stations';

/** At most this many stations per bulk call: 4 pages of the table, each row its own transaction. */
export const BULK_MAX_IDS = 200;

const groupName = customGroupNames().element;

/** One bulk operation on selected stations, as the stations table's bulk bar sends it. */
export const bulkStationSchema = z.discriminatedUnion('operation', [
  z.object({ operation: z.literal('availability'), availability: z.enum(AVAILABILITIES) }),
  z.object({ operation: z.literal('tariff'), tariff_id: tariffCode() }),
  z.object({ operation: z.literal('group_add'), group: groupName }),
  z.object({ operation: z.literal('group_remove'), group: groupName }),
]);
export type BulkStationOperation = z.infer<typeof bulkStationSchema>;

export const bulkIdsSchema = z
  .array(uuid())
  .min(1, 'select at least one station')
  .max(BULK_MAX_IDS, `at most ${BULK_MAX_IDS} stations at once`)
  .transform((ids) => [...new Set(ids)]);

export type BulkRowResult = { id: string; ok: true; message: string } | { id: string; ok: false; message: string };

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
 * Adds or removes one group by merge patch on the version just read: a concurrent change between
 * the read and the write is a 412 for that row, never a silent overwrite of the other change.
 */
async function changeGroup(ctx: AuthContext, id: string, group: string, add: boolean): Promise<string> {
  const station = await getChargeStation({ ctx, id });
  const has = station.custom_groups.includes(group);
  if (has === add) return add ? 'Already in the group.' : 'Was not in the group.';
  const custom_groups = add ? [...station.custom_groups, group] : station.custom_groups.filter((g) => g !== group);
  await updateChargeStation({ ctx, id, body: { custom_groups }, mode: 'merge', expectedVersion: station.version });
  return add ? 'Added to the group.' : 'Removed from the group.';
}

async function applyOne(ctx: AuthContext, id: string, op: BulkStationOperation): Promise<string> {
  switch (op.operation) {
    case 'availability':
      await setAvailability({ ctx, id, input: { availability: op.availability } });
      return `Availability set to ${op.availability}.`;
    case 'tariff':
      await setTariffs({ ctx, id, input: { tariff_ids: [op.tariff_id] } });
      return `Tariff ${op.tariff_id} set on every connector.`;
    case 'group_add':
      return changeGroup(ctx, id, op.group, true);
    case 'group_remove':
      return changeGroup(ctx, id, op.group, false);
  }
}

/**
 * Applies one operation to each station independently through the service verbs (each its own
 * transaction, permission check and audit event) and reports every row: one station the caller
 * may not change, or whose tenant is not offered the tariff, fails alone.
 */
export async function applyBulkStationOperation(ctx: AuthContext, ids: string[], op: BulkStationOperation): Promise<BulkRowResult[]> {
  const results: BulkRowResult[] = [];
  // In order, one at a time: a bulk call never takes more than one pool connection.
  for (const id of ids) {
    try {
      results.push({ id, ok: true, message: await applyOne(ctx, id, op) });
    } catch (error) {
      results.push({ id, ok: false, message: rowError(error) });
    }
  }
  return results;
}
