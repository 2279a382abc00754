import { and, eq, inArray, isNull, notInArray, or, sql } from 'drizzle-orm';
import { getDb, type Queryable, type Tx } from '@/lib/db/client';
import { visibility, type AuthContext } from '@/lib/auth/context';
import {
  chargeStations,
  connectorTariffs,
  connectors,
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
import { visibleCondition } from '@/lib/services/shared/scope';
import { asUniqueClash, conflict } from '@/lib/services/shared/unique-clash';

export const OCPP_ID_CONSTRAINT = 'charge_stations_ocpp_id_live_uq';

type EvseInput = NonNullable<ChargeStationReplaceInput['evses']>[number];

const findOcppId = async (db: Queryable, ocppId: string) =>
  (
    await db
      .select({ id: chargeStations.id })
      .from(chargeStations)
      .where(and(eq(chargeStations.ocppId, ocppId), isNull(chargeStations.deletedAt)))
  )[0]?.id;

const ocppIdDetail = (ocppId: string) => `A charge station with ocpp_id "${ocppId}" already exists.`;

/** 409 when a live station already uses this OCPP identity (unique in the deployment). */
export async function assertOcppIdFree(tx: Tx, ocppId: string) {
  const existing = await findOcppId(tx, ocppId);
  if (existing) throw conflict(ocppIdDetail(ocppId), existing);
}

/** Turns a lost ocpp_id race into the same 409. */
export const asOcppIdClash = (error: unknown, ocppId: string) =>
  asUniqueClash(error, OCPP_ID_CONSTRAINT, () => findOcppId(getDb(), ocppId), ocppIdDetail(ocppId));

/**
 * The location a station is placed at or linked to, as the caller may see it; 422 at
 * /location_id otherwise. FOR SHARE: a concurrent delete of the location waits for us, or makes
 * us see it gone.
 */
export async function targetLocationOrThrow(tx: Tx, ctx: AuthContext, locationId: string) {
  const [location] = await tx
    .select({ id: locations.id, tenantId: locations.tenantId })
    .from(locations)
    .where(
      and(
        eq(locations.id, locationId),
        isNull(locations.deletedAt),
        visibleCondition(visibility(ctx, 'location:read'), locations.tenantId),
      ),
    )
    .for('share');
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

/**
 * Makes the station's EVSEs match the input: EVSEs with a known `uid` are updated, ones without
 * are added, ones left out are removed (with their connectors and tariff codes).
 */
export async function writeEvses(tx: Tx, stationId: string, evseInputs: EvseInput[], existingUids: string[]) {
  const known = new Set(existingUids);
  const errors: FieldError[] = evseInputs.flatMap((e, i) =>
    e.uid && !known.has(e.uid) ? [{ path: `/evses/${i}/uid`, message: 'no EVSE with this uid on this station' }] : [],
  );
  const kept = evseInputs.flatMap((e) => (e.uid ? [e.uid] : []));
  if (new Set(kept).size !== kept.length) errors.push({ path: '/evses', message: 'an EVSE uid appears twice' });
  if (errors.length) throw new AppError('validation', 'The request body is invalid.', { errors });

  await tx.delete(evses).where(and(eq(evses.stationId, stationId), kept.length ? notInArray(evses.uid, kept) : undefined));
  for (const [position, evse] of evseInputs.entries()) {
    const values = {
      stationId,
      position,
      evseId: evse.evse_id ?? null,
      capabilities: evse.capabilities ?? [],
      floorLevel: evse.floor_level ?? null,
      physicalReference: evse.physical_reference ?? null,
      updatedAt: changedAt,
    };
    let uid = evse.uid;
    if (uid) {
      await tx.update(evses).set(values).where(eq(evses.uid, uid));
      // Keep connectors that stay (their reported OCPP status with them); drop the rest.
      await tx.delete(connectors).where(
        and(
          eq(connectors.evseUid, uid),
          notInArray(
            connectors.id,
            evse.connectors.map((c) => c.id),
          ),
        ),
      );
      await tx.delete(connectorTariffs).where(eq(connectorTariffs.evseUid, uid));
    } else {
      uid = (await tx.insert(evses).values(values).returning({ uid: evses.uid }))[0]!.uid;
    }
    await tx
      .insert(connectors)
      .values(
        evse.connectors.map((c, i) => ({
          evseUid: uid,
          id: c.id,
          position: i,
          standard: c.standard,
          format: c.format,
          powerType: c.power_type,
          maxVoltage: c.max_voltage,
          maxAmperage: c.max_amperage,
          maxElectricPower: c.max_electric_power ?? null,
        })),
      )
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
    const codes = evse.connectors.flatMap((c) =>
      (c.tariff_ids ?? []).map((tariffId, i) => ({ evseUid: uid, connectorId: c.id, tariffId, position: i })),
    );
    if (codes.length) await tx.insert(connectorTariffs).values(dedupe(codes));
  }
}

const dedupe = <T extends { evseUid: string; connectorId: string; tariffId: string }>(rows: T[]) => [
  ...new Map(rows.map((r) => [`${r.evseUid}/${r.connectorId}/${r.tariffId}`, r])).values(),
];

/** Replaces the station's custom groups (groups live in a tenant, so pool stations have none). */
export async function setStationGroups(tx: Tx, tenantId: string | null, stationId: string, names: string[]) {
  await tx.delete(stationCustomGroups).where(eq(stationCustomGroups.stationId, stationId));
  if (!names.length) return;
  if (!tenantId) {
    throw new AppError('validation', 'The request body is invalid.', {
      errors: [{ path: '/custom_groups', message: 'stations in the unassigned pool cannot have custom groups' }],
    });
  }
  const groupIds = await ensureCustomGroups(tx, tenantId, names);
  await tx.insert(stationCustomGroups).values(groupIds.map((groupId) => ({ stationId, groupId })));
}
