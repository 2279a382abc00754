import { randomUUID } from 'node:crypto';
import { and, isNull, sql } from 'drizzle-orm';
import { can, canCpoWide, tenantsWith, type AuthContext } from '@/lib/auth/context';
import type { Tx } from '@/lib/db/client';
import { chargeStations, connectors, evses, tenants } from '@/lib/db/schema';
import { AppError, type FieldError } from '@/lib/errors';
import { chargeStationReplaceSchema, type ChargeStation, type ChargeStationCreateInput } from '@/lib/schemas/charge-station';
import { parseOrThrow } from '@/lib/schemas/parse';
import { recordAudits } from '@/lib/services/shared/audit';
import { writeTransaction } from '@/lib/services/shared/change-order';
import { anyUuid } from '@/lib/services/shared/scope';
import { newStationColumns } from './create-charge-station';
import { toChargeStations } from './station-record';
import { connectorValues, evseValues, visibleLocationsForShare } from './station-writes';

/** Fields only the one-at-a-time verb handles (templates, password hashing, tariff codes, groups). */
const ONE_AT_A_TIME = ['template_id', 'ocpp_password', 'custom_groups'] as const;

/** Whether a create body can go in a batch (createChargeStations); the others take createChargeStation. */
export function batchableStation(body: Record<string, unknown>): boolean {
  if (ONE_AT_A_TIME.some((field) => field in body)) return false;
  const evseList = Array.isArray(body.evses) ? (body.evses as { connectors?: { tariff_ids?: unknown }[] }[]) : [];
  return !evseList.some((evse) => Array.isArray(evse?.connectors) && evse.connectors.some((c) => c && 'tariff_ids' in c));
}

export type BatchOutcome = { station: ChargeStation } | { error: AppError };

const invalid = (errors: FieldError[]) => new AppError('validation', 'The request body is invalid.', { errors });

/**
 * Many POST /charge-stations bodies (fit for batchableStation) in one savepoint and a handful of
 * statements whatever their number: the checks of createChargeStation per body — validation,
 * placement (location, tenant, pool), permission, a free ocpp_id — with the lookups made once for
 * all, then multi-row inserts, one reload and one audit insert with each station's webhook event.
 * A body that fails a check gets its error and the rest go on; a failure of the writes themselves
 * (a concurrent writer took an ocpp_id) undoes the batch and throws, and the caller then creates
 * one by one.
 */
export async function createChargeStations({
  ctx,
  inputs,
}: {
  ctx: AuthContext;
  inputs: ChargeStationCreateInput[];
}): Promise<BatchOutcome[]> {
  return writeTransaction(async (tx) => {
    const outcomes: (BatchOutcome | null)[] = inputs.map(() => null);
    const fail = (i: number, error: AppError) => (outcomes[i] = { error });
    const places = await placements(tx, ctx, inputs);
    const taken = await takenOcppIds(
      tx,
      inputs.map((input) => input.ocpp_id),
    );
    const seen = new Set<string>();
    const planned: { i: number; id: string; columns: ReturnType<typeof newStationColumns>; input: ChargeStationCreateInput }[] = [];
    for (const [i, input] of inputs.entries()) {
      const place = places[i]!;
      if (place instanceof AppError) {
        fail(i, place);
        continue;
      }
      if (!can(ctx, 'station:write', place.tenantId)) {
        fail(i, new AppError('forbidden', 'This action needs the station:write permission.'));
        continue;
      }
      if (!input.charger_type) {
        fail(i, invalid([{ path: '/charger_type', message: 'is required (or give a template_id)' }]));
        continue;
      }
      if (taken.has(input.ocpp_id) || seen.has(input.ocpp_id)) {
        fail(i, new AppError('conflict', `A charge station with ocpp_id "${input.ocpp_id}" already exists.`));
        continue;
      }
      seen.add(input.ocpp_id);
      const { ocpp_id: _o, location_id: _l, tenant_id: _t, ...rest } = input;
      try {
        const fields = parseOrThrow(chargeStationReplaceSchema, rest);
        planned.push({ i, id: randomUUID(), columns: newStationColumns(fields, place), input: { ...input, evses: fields.evses } });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        fail(i, error);
      }
    }
    if (planned.length) {
      const rows = await tx
        .insert(chargeStations)
        .values(planned.map((p) => ({ ...p.columns, id: p.id, ocppId: p.input.ocpp_id })))
        .returning();
      const evseRows = planned.flatMap((p) =>
        (p.input.evses ?? []).map((evse, position) => ({ uid: randomUUID(), stationId: p.id, ...evseValues(evse, position), evse })),
      );
      if (evseRows.length) await tx.insert(evses).values(evseRows.map(({ evse: _e, ...row }) => row));
      const connectorRows = evseRows.flatMap((row) => connectorValues(row.uid, row.evse.connectors));
      if (connectorRows.length) await tx.insert(connectors).values(connectorRows);
      const byId = new Map(rows.map((row) => [row.id, row]));
      const stations = await toChargeStations(
        tx,
        planned.map((p) => byId.get(p.id)!),
      );
      await recordAudits(
        tx,
        ctx,
        stations.map((station) => ({
          action: 'charge_station.created' as const,
          entity: 'charge_station' as const,
          entityId: station.id,
          tenantId: station.tenant_id,
          after: station,
        })),
      );
      for (const [n, p] of planned.entries()) outcomes[p.i] = { station: stations[n]! };
    }
    return outcomes as BatchOutcome[];
  });
}

type Place = { tenantId: string | null; locationId: string | null };

/** Where each body goes, as createChargeStation's placement decides it, with two lookups for all. */
async function placements(tx: Tx, ctx: AuthContext, inputs: ChargeStationCreateInput[]): Promise<(Place | AppError)[]> {
  const locationIds = [...new Set(inputs.flatMap((input) => (input.location_id ? [input.location_id] : [])))];
  const found = locationIds.length ? await visibleLocationsForShare(tx, ctx, locationIds) : [];
  const locationTenant = new Map(found.map((row) => [row.id, row.tenantId]));
  const writable = tenantsWith(ctx, 'station:write');
  const only = writable?.length === 1 ? writable[0]! : undefined;
  const tenantIds = [...new Set(inputs.flatMap((input) => (input.location_id ? [] : [input.tenant_id ?? only ?? []].flat())))];
  const live = tenantIds.length
    ? new Set(
        (
          await tx
            .select({ id: tenants.id })
            .from(tenants)
            .where(and(anyUuid(tenants.id, tenantIds), isNull(tenants.deletedAt)))
            .for('share')
        ).map((row) => row.id),
      )
    : new Set<string>();
  return inputs.map((input): Place | AppError => {
    if (input.location_id) {
      const tenantId = locationTenant.get(input.location_id);
      if (tenantId === undefined) return invalid([{ path: '/location_id', message: 'unknown location' }]);
      if (input.tenant_id && input.tenant_id !== tenantId)
        return invalid([{ path: '/tenant_id', message: 'differs from the location’s tenant' }]);
      return { tenantId, locationId: input.location_id };
    }
    const target = input.tenant_id ?? only;
    if (target) {
      if ((writable && !writable.includes(target)) || !live.has(target))
        return invalid([{ path: '/tenant_id', message: 'unknown tenant' }]);
      return { tenantId: target, locationId: null };
    }
    if (canCpoWide(ctx, 'station:write')) return { tenantId: null, locationId: null };
    return invalid([{ path: '/tenant_id', message: 'is required: name a tenant or a location' }]);
  });
}

/** The ocpp_ids of these that a live station already has. */
async function takenOcppIds(tx: Tx, ocppIds: string[]): Promise<Set<string>> {
  const rows = await tx
    .select({ ocppId: chargeStations.ocppId })
    .from(chargeStations)
    .where(and(sql`${chargeStations.ocppId} = any(${sql.param(ocppIds)}::text[])`, isNull(chargeStations.deletedAt)));
  return new Set(rows.map((row) => row.ocppId));
}
