import { and, eq, isNull, sql } from 'drizzle-orm';
import { tenantsWith, visibility, type AuthContext } from '@/lib/auth/context';
import type { Tx } from '@/lib/db/client';
import { chargeStations, locations } from '@/lib/db/schema';
import type { ImportEntity } from '@/lib/domain/vocabulary';
import { AppError } from '@/lib/errors';
import { chargeStationCreateSchema } from '@/lib/schemas/charge-station';
import { locationCreateSchema } from '@/lib/schemas/location';
import { parseOrThrow } from '@/lib/schemas/parse';
import {
  batchableStation,
  createChargeStation,
  createChargeStations,
  linkChargeStation,
  updateChargeStation,
  type BatchOutcome,
} from '@/lib/services/charge-stations';
import { createLocation, updateLocation } from '@/lib/services/locations';
import { writeTransaction } from '@/lib/services/shared/change-order';
import { visibleCondition } from '@/lib/services/shared/scope';

export type RowOutcome = 'CREATED' | 'UPDATED';

/** The tenant a location row names, or the caller's only one: where its external_id is looked up. */
export function rowTenant(ctx: AuthContext, body: Record<string, unknown>): string | null {
  if (typeof body.tenant_id === 'string') return body.tenant_id;
  const writable = tenantsWith(ctx, 'location:write');
  return writable?.length === 1 ? writable[0]! : null;
}

/**
 * A location row: the caller's location with its external_id in the row's tenant is updated
 * (merge patch of the row's fields), else one is created. The lookup is scoped like every read, so
 * another tenant's external_id is never matched: the row then creates its own.
 */
async function upsertLocation(tx: Tx, ctx: AuthContext, body: Record<string, unknown>): Promise<RowOutcome> {
  const tenantId = rowTenant(ctx, body);
  if (typeof body.external_id === 'string' && body.external_id.trim() && tenantId) {
    const [existing] = await tx
      .select({ id: locations.id })
      .from(locations)
      .where(
        and(
          eq(locations.tenantId, tenantId),
          eq(locations.externalId, body.external_id.trim()),
          isNull(locations.deletedAt),
          visibleCondition(visibility(ctx, 'location:read'), locations.tenantId),
        ),
      );
    if (existing) {
      const { tenant_id: _tenant, ...patch } = body;
      await updateLocation({ ctx, id: existing.id, body: patch, mode: 'merge' });
      return 'UPDATED';
    }
  }
  await createLocation({ ctx, input: parseOrThrow(locationCreateSchema, body) });
  return 'CREATED';
}

const STATION_CREATE_ONLY = ['ocpp_id', 'tenant_id', 'location_id', 'template_id'] as const;

/**
 * A station row: the caller's station with its ocpp_id is updated (merge patch of its writable
 * fields; a different location_id links it there), else it is created. A station the caller cannot
 * see is not matched: creating it then fails as its ocpp_id is taken (409).
 */
async function upsertStation(tx: Tx, ctx: AuthContext, body: Record<string, unknown>): Promise<RowOutcome> {
  const ocppId = typeof body.ocpp_id === 'string' ? body.ocpp_id : null;
  if (!ocppId) throw new AppError('validation', 'The row is invalid.', { errors: [{ path: '/ocpp_id', message: 'is required' }] });
  const [existing] = await tx
    .select({ id: chargeStations.id, tenantId: chargeStations.tenantId, locationId: chargeStations.locationId })
    .from(chargeStations)
    .where(
      and(
        eq(chargeStations.ocppId, ocppId),
        isNull(chargeStations.deletedAt),
        visibleCondition(visibility(ctx, 'station:read'), chargeStations.tenantId),
      ),
    );
  if (!existing) {
    await createChargeStation({ ctx, input: parseOrThrow(chargeStationCreateSchema, body) });
    return 'CREATED';
  }
  const { tenant_id: tenantId, location_id: locationId } = body;
  if (typeof tenantId === 'string' && !locationId && tenantId !== existing.tenantId) {
    throw new AppError('validation', 'The row is invalid.', {
      errors: [{ path: '/tenant_id', message: 'the station belongs to another tenant; link it to a location of this one instead' }],
    });
  }
  const patch = Object.fromEntries(Object.entries(body).filter(([key]) => !(STATION_CREATE_ONLY as readonly string[]).includes(key)));
  if (Object.keys(patch).length) await updateChargeStation({ ctx, id: existing.id, body: patch, mode: 'merge' });
  if (typeof locationId === 'string' && locationId !== existing.locationId) {
    await linkChargeStation({ ctx, id: existing.id, locationId });
  }
  return 'UPDATED';
}

/**
 * Applies one row with the API's verbs (validation, permissions, audit, webhook events) inside the
 * batch's transaction; throws its AppError when refused. A verb is a savepoint of its own; an
 * update of a station that also links it is two verbs, so the row has a savepoint around both.
 */
export function applyImportRow(ctx: AuthContext, entity: ImportEntity, body: Record<string, unknown>): Promise<RowOutcome> {
  return writeTransaction((tx) => (entity === 'locations' ? upsertLocation(tx, ctx, body) : upsertStation(tx, ctx, body)));
}

/**
 * The station rows of a batch that create a station and need nothing the one-at-a-time verb alone
 * does (batchableStation): created together by createChargeStations, in a few statements for all.
 * Only the first row of each ocpp_id, and only one no visible station has: the rest go one by one
 * after these, so a later row of the same station updates it. Returns each handled row's outcome by
 * line (an empty map when the batch's writes failed: then every row goes one by one).
 */
export async function createStationsTogether(
  tx: Tx,
  ctx: AuthContext,
  rows: { line: number; body: Record<string, unknown> | null }[],
): Promise<Map<number, BatchOutcome>> {
  const firsts = new Map<string, { line: number; body: Record<string, unknown> }>();
  for (const row of rows) {
    const ocppId = row.body?.ocpp_id;
    if (typeof ocppId === 'string' && !firsts.has(ocppId)) firsts.set(ocppId, { line: row.line, body: row.body! });
  }
  const existing = firsts.size
    ? await tx
        .select({ ocppId: chargeStations.ocppId })
        .from(chargeStations)
        .where(
          and(
            sql`${chargeStations.ocppId} = any(${sql.param([...firsts.keys()])}::text[])`,
            isNull(chargeStations.deletedAt),
            visibleCondition(visibility(ctx, 'station:read'), chargeStations.tenantId),
          ),
        )
    : [];
  for (const { ocppId } of existing) firsts.delete(ocppId);
  const candidates = [...firsts.values()].flatMap(({ line, body }) => {
    if (!batchableStation(body)) return [];
    const parsed = chargeStationCreateSchema.safeParse(body);
    return parsed.success ? [{ line, input: parsed.data }] : [];
  });
  if (!candidates.length) return new Map();
  try {
    const outcomes = await createChargeStations({ ctx, inputs: candidates.map((c) => c.input) });
    return new Map(candidates.map((c, n) => [c.line, outcomes[n]!]));
  } catch (error) {
    if (error instanceof AppError) throw error;
    return new Map();
  }
}
