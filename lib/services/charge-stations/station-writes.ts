import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { getDb, type Queryable, type Tx } from '@/lib/db/client';
import { can, visibility, type AuthContext } from '@/lib/auth/context';
import {
  chargeStations,
  connectorTariffs,
  connectors,
  customGroups,
  evses,
  locations,
  stationCustomGroups,
  tariffTenants,
  tariffs,
} from '@/lib/db/schema';
import { AppError, type FieldError } from '@/lib/errors';
import type { ChargeStationReplaceInput } from '@/lib/schemas/charge-station';
import { changedAt } from '@/lib/services/shared/change-order';
import { ensureCustomGroups } from '@/lib/services/shared/custom-groups';
import { anyUuid, visibleCondition } from '@/lib/services/shared/scope';
import { isUuid } from '@/lib/domain/ids';
import { conflict, violatedUniqueConstraint } from '@/lib/services/shared/unique-clash';
import type { EvseTree } from './station-record';

export const OCPP_ID_CONSTRAINT = 'charge_stations_ocpp_id_live_uq';

type EvseInput = NonNullable<ChargeStationReplaceInput['evses']>[number];

/** The 409 for a live station with this OCPP identity (unique in the deployment), naming it only to a caller who sees it. */
async function ocppIdClash(db: Queryable, ctx: AuthContext, ocppId: string): Promise<AppError | undefined> {
  const [existing] = await db
    .select({ id: chargeStations.id, tenantId: chargeStations.tenantId })
    .from(chargeStations)
    .where(and(eq(chargeStations.ocppId, ocppId), isNull(chargeStations.deletedAt)));
  if (!existing) return undefined;
  const seen = can(ctx, 'station:read', existing.tenantId);
  return conflict(`A charge station with ocpp_id "${ocppId}" already exists.`, seen ? existing.id : undefined);
}

/** 409 when a live station already uses this OCPP identity. */
export async function assertOcppIdFree(tx: Tx, ctx: AuthContext, ocppId: string) {
  const clash = await ocppIdClash(tx, ctx, ocppId);
  if (clash) throw clash;
}

/** Turns a lost ocpp_id race into the same 409. */
export async function asOcppIdClash(error: unknown, ctx: AuthContext, ocppId: string): Promise<unknown> {
  if (violatedUniqueConstraint(error) !== OCPP_ID_CONSTRAINT) return error;
  return (await ocppIdClash(getDb(), ctx, ocppId)) ?? error;
}

/**
 * The locations among `ids` the caller may see, with their tenants. FOR SHARE: a concurrent delete
 * of one waits for us, or makes us see it gone.
 */
export function visibleLocationsForShare(tx: Tx, ctx: AuthContext, ids: string[]) {
  return tx
    .select({ id: locations.id, tenantId: locations.tenantId })
    .from(locations)
    .where(
      and(anyUuid(locations.id, ids), isNull(locations.deletedAt), visibleCondition(visibility(ctx, 'location:read'), locations.tenantId)),
    )
    .for('share');
}

/** The location a station is placed at or linked to, as the caller may see it; 422 at /location_id otherwise. */
export async function targetLocationOrThrow(tx: Tx, ctx: AuthContext, locationId: string) {
  const [location] = isUuid(locationId) ? await visibleLocationsForShare(tx, ctx, [locationId]) : [];
  if (!location) {
    throw new AppError('validation', 'The request body is invalid.', { errors: [{ path: '/location_id', message: 'unknown location' }] });
  }
  return location;
}

/** Every tariff code used by the EVSEs, with the JSON pointer it came from. */
export function tariffReferences(evseInputs: EvseInput[], base = '/evses') {
  return evseInputs.flatMap((evse, i) =>
    evse.connectors.flatMap((c, j) => (c.tariff_ids ?? []).map((id, k) => ({ id, path: `${base}/${i}/connectors/${j}/tariff_ids/${k}` }))),
  );
}

/**
 * 422 for every tariff that does not exist or is not offered to the tenant (a tariff with no
 * tenants is offered to all; a pool station may only use those).
 */
export async function assertTariffsOffered(tx: Tx, tenantId: string | null, references: { id: string; path: string }[]) {
  const ids = [...new Set(references.map((r) => r.id))];
  if (!ids.length) return;
  const offered = await tx
    .select({ id: tariffs.id })
    .from(tariffs)
    .where(
      and(
        inArray(tariffs.id, ids),
        isNull(tariffs.deletedAt),
        or(
          sql`not exists (select 1 from ${tariffTenants} where ${tariffTenants.tariffId} = ${tariffs.id})`,
          tenantId
            ? sql`exists (select 1 from ${tariffTenants} where ${tariffTenants.tariffId} = ${tariffs.id} and ${tariffTenants.tenantId} = ${tenantId})`
            : sql`false`,
        ),
      ),
    )
    // Holds the tariffs until commit, so a concurrent delete cannot slip in between.
    .for('share');
  const ok = new Set(offered.map((t) => t.id));
  const errors: FieldError[] = references
    .filter((r) => !ok.has(r.id))
    .map((r) => ({ path: r.path, message: `tariff ${r.id} is not offered to this tenant` }));
  if (errors.length) throw new AppError('validation', 'Some tariffs are unknown or not offered to the station’s tenant.', { errors });
}

type TariffRow = EvseTree['tariffs'][number];

/** Whether any field of `next` differs from the stored row. */
const differs = (next: Record<string, unknown>, stored: Record<string, unknown>) =>
  Object.keys(next).some((key) => JSON.stringify(next[key]) !== JSON.stringify(stored[key]));

/**
 * The tariff rows a connector's codes become. A code listed twice is stored once, at the position
 * of its last occurrence.
 */
const tariffRows = (evseUid: string, connectorId: string, ids: string[] = []): TariffRow[] => [
  ...new Map(ids.map((tariffId, position) => [tariffId, { evseUid, connectorId, tariffId, position }])).values(),
];

/** The codes as a connector shows them: ordered by position. */
const shownCodes = (rows: TariffRow[]) => [...rows].sort((a, b) => a.position - b.position).map((r) => r.tariffId);

/** An EVSE's column values from its input (all but its station and uid). */
export const evseValues = (evse: EvseInput, position: number) => ({
  position,
  evseId: evse.evse_id ?? null,
  capabilities: evse.capabilities ?? [],
  floorLevel: evse.floor_level ?? null,
  physicalReference: evse.physical_reference ?? null,
});

/** An EVSE's connector rows from their input, in order. */
export const connectorValues = (evseUid: string, inputs: EvseInput['connectors']) =>
  inputs.map((c, position) => ({
    evseUid,
    id: c.id,
    position,
    standard: c.standard,
    format: c.format,
    powerType: c.power_type,
    maxVoltage: c.max_voltage,
    maxAmperage: c.max_amperage,
    maxElectricPower: c.max_electric_power ?? null,
  }));

/**
 * Makes the station's EVSEs match the input, writing only the difference: EVSEs with a known `uid`
 * are kept (and updated where a field changed), ones without are added, ones left out are removed
 * with their connectors and tariff codes. Connectors that stay keep their row, and with it the
 * status the station last reported. `current` is what the station holds now (empty for a new one).
 * Returns whether anything was written.
 */
export async function writeEvses(tx: Tx, stationId: string, evseInputs: EvseInput[], current: EvseTree): Promise<boolean> {
  const known = new Map(current.evses.map((e) => [e.uid, e]));
  const errors: FieldError[] = evseInputs.flatMap((e, i) =>
    e.uid && !known.has(e.uid) ? [{ path: `/evses/${i}/uid`, message: 'no EVSE with this uid on this station' }] : [],
  );
  const kept = evseInputs.flatMap((e) => (e.uid ? [e.uid] : []));
  if (new Set(kept).size !== kept.length) errors.push({ path: '/evses', message: 'an EVSE uid appears twice' });
  if (errors.length) throw new AppError('validation', 'The request body is invalid.', { errors });

  let written = false;
  const removed = current.evses.filter((e) => !kept.includes(e.uid)).map((e) => e.uid);
  if (removed.length) {
    await tx.delete(evses).where(and(eq(evses.stationId, stationId), inArray(evses.uid, removed)));
    written = true;
  }
  for (const [position, evse] of evseInputs.entries()) {
    const values = evseValues(evse, position);
    const existing = evse.uid ? known.get(evse.uid) : undefined;
    let uid: string;
    if (existing) {
      uid = existing.uid;
      if (differs(values, existing)) {
        await tx
          .update(evses)
          .set({ ...values, updatedAt: changedAt })
          .where(eq(evses.uid, uid));
        written = true;
      }
    } else {
      uid = (
        await tx
          .insert(evses)
          .values({ stationId, ...values })
          .returning({ uid: evses.uid })
      )[0]!.uid;
      written = true;
    }
    const connectorRows = current.connectors.filter((c) => c.evseUid === uid);
    const codeRows = current.tariffs.filter((t) => t.evseUid === uid);
    written = (await writeConnectors(tx, uid, evse.connectors, connectorRows, codeRows)) || written;
  }
  return written;
}

/** One EVSE's connectors and their tariff codes, writing only the difference. */
async function writeConnectors(
  tx: Tx,
  evseUid: string,
  inputs: EvseInput['connectors'],
  current: EvseTree['connectors'],
  currentCodes: TariffRow[],
): Promise<boolean> {
  let written = false;
  const sent = new Set(inputs.map((c) => c.id));
  const removed = current.filter((c) => !sent.has(c.id)).map((c) => c.id);
  if (removed.length) {
    await tx.delete(connectors).where(and(eq(connectors.evseUid, evseUid), inArray(connectors.id, removed)));
    written = true;
  }

  const byId = new Map(current.map((c) => [c.id, c]));
  const rows = connectorValues(evseUid, inputs);
  const upserts = rows.filter((row) => {
    const stored = byId.get(row.id);
    return !stored || differs(row, stored);
  });
  if (upserts.length) {
    await tx
      .insert(connectors)
      .values(upserts)
      .onConflictDoUpdate({
        target: [connectors.evseUid, connectors.id],
        set: {
          position: sql`excluded.position`,
          standard: sql`excluded.standard`,
          format: sql`excluded.format`,
          powerType: sql`excluded.power_type`,
          maxVoltage: sql`excluded.max_voltage`,
          maxAmperage: sql`excluded.max_amperage`,
          maxElectricPower: sql`excluded.max_electric_power`,
        },
      });
    written = true;
  }

  // Tariff codes are rewritten per connector, only where the list a client sees changes.
  const changed = inputs.filter(
    (c) =>
      shownCodes(tariffRows(evseUid, c.id, c.tariff_ids)).join('\n') !==
      shownCodes(currentCodes.filter((t) => t.connectorId === c.id)).join('\n'),
  );
  const stale = changed.filter((c) => currentCodes.some((t) => t.connectorId === c.id)).map((c) => c.id);
  if (stale.length) {
    await tx.delete(connectorTariffs).where(and(eq(connectorTariffs.evseUid, evseUid), inArray(connectorTariffs.connectorId, stale)));
  }
  const codes = changed.flatMap((c) => tariffRows(evseUid, c.id, c.tariff_ids));
  if (codes.length) await tx.insert(connectorTariffs).values(codes);
  return written || changed.length > 0;
}

/**
 * Makes the station's custom groups `next`, writing only the links that change (groups live in a
 * tenant, so pool stations have none). `current` are the names it has now. Returns whether
 * anything was written.
 */
export async function writeStationGroups(
  tx: Tx,
  tenantId: string | null,
  stationId: string,
  current: string[],
  next: string[],
): Promise<boolean> {
  if (next.length && !tenantId) {
    throw new AppError('validation', 'The request body is invalid.', {
      errors: [{ path: '/custom_groups', message: 'stations in the unassigned pool cannot have custom groups' }],
    });
  }
  const removed = current.filter((name) => !next.includes(name));
  const added = [...new Set(next.filter((name) => !current.includes(name)))];
  if (removed.length) {
    await tx
      .delete(stationCustomGroups)
      .where(
        and(
          eq(stationCustomGroups.stationId, stationId),
          inArray(
            stationCustomGroups.groupId,
            tx.select({ id: customGroups.id }).from(customGroups).where(inArray(customGroups.name, removed)),
          ),
        ),
      );
  }
  if (added.length) {
    const groupIds = await ensureCustomGroups(tx, tenantId!, added);
    await tx.insert(stationCustomGroups).values(groupIds.map((groupId) => ({ stationId, groupId })));
  }
  return removed.length > 0 || added.length > 0;
}

/** Replaces all of the station's groups by name in `tenantId`: a station moving tenants takes its group names along. */
export async function setStationGroups(tx: Tx, tenantId: string | null, stationId: string, names: string[]) {
  await tx.delete(stationCustomGroups).where(eq(stationCustomGroups.stationId, stationId));
  await writeStationGroups(tx, tenantId, stationId, [], names);
}
