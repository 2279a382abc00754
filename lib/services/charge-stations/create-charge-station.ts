import { and, eq, isNull } from 'drizzle-orm';
import { canCpoWide, requirePermission, tenantsWith, type AuthContext } from '@/lib/auth/context';
import { hashPassword } from '@/lib/auth/password';
import type { Tx } from '@/lib/db/client';
import { chargeStations, hardwareTemplates } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import {
  chargeStationReplaceSchema,
  type ChargeStation,
  type ChargeStationCreateInput,
  type ChargeStationReplaceInput,
} from '@/lib/schemas/charge-station';
import { parseOrThrow } from '@/lib/schemas/parse';
import { recordAudit } from '@/lib/services/shared/audit';
import { writeTransaction } from '@/lib/services/shared/change-order';
import { resolveTargetTenant } from '@/lib/services/shared/target-tenant';
import { NO_EVSES, reloadStation, stationColumns } from './station-record';
import {
  asOcppIdClash,
  assertOcppIdFree,
  assertTariffsOffered,
  tariffReferences,
  targetLocationOrThrow,
  writeEvses,
  writeStationGroups,
} from './station-writes';

const invalid = (path: string, message: string) =>
  new AppError('validation', 'The request body is invalid.', { errors: [{ path, message }] });

/**
 * Where a new station goes: its location's tenant; else `tenant_id` (unlinked); else the caller's
 * only tenant; else the unassigned pool, which only CPO-wide callers may fill.
 */
async function placement(tx: Tx, ctx: AuthContext, input: ChargeStationCreateInput) {
  if (input.location_id) {
    const location = await targetLocationOrThrow(tx, ctx, input.location_id);
    if (input.tenant_id && input.tenant_id !== location.tenantId) throw invalid('/tenant_id', 'differs from the location’s tenant');
    return { tenantId: location.tenantId, locationId: location.id };
  }
  if (input.tenant_id || tenantsWith(ctx, 'station:write')?.length === 1) {
    return { tenantId: await resolveTargetTenant(tx, ctx, 'station:write', input.tenant_id), locationId: null };
  }
  if (canCpoWide(ctx, 'station:write')) return { tenantId: null, locationId: null };
  throw invalid('/tenant_id', 'is required: name a tenant or a location');
}

/** The body with a hardware template's fields filled in where the body leaves them out. */
async function withTemplate(tx: Tx, input: ChargeStationCreateInput) {
  if (!input.template_id) return input;
  const [template] = await tx
    .select()
    .from(hardwareTemplates)
    .where(and(eq(hardwareTemplates.id, input.template_id), isNull(hardwareTemplates.deletedAt)));
  if (!template) throw invalid('/template_id', 'unknown hardware template');
  return {
    ...input,
    vendor: input.vendor ?? template.vendor,
    model: input.model ?? template.model,
    charger_type: input.charger_type ?? template.chargerType,
    max_power_kw: input.max_power_kw ?? template.maxPowerKw,
    // A copy: later edits of the template never reach this station.
    evses: input.evses ?? (template.evses as ChargeStationCreateInput['evses']),
  };
}

/** The columns of a new station from its validated fields and where it goes. */
export function newStationColumns(fields: ChargeStationReplaceInput, place: { tenantId: string | null; locationId: string | null }) {
  return {
    ...stationColumns(fields),
    ...place,
    // A new station has never connected: its keys are sent when it does.
    configurationSync: Object.fromEntries(Object.keys(fields.configuration ?? {}).map((key) => [key, 'OFFLINE' as const])),
    commissioningStatus: place.locationId ? ('LINKED' as const) : ('NEW' as const),
  };
}

/** POST /api/v2/charge-stations. */
export async function createChargeStation({ ctx, input }: { ctx: AuthContext; input: ChargeStationCreateInput }): Promise<ChargeStation> {
  requirePermission(ctx, 'station:write');
  return writeTransaction(async (tx) => {
    const { tenantId, locationId } = await placement(tx, ctx, input);
    requirePermission(ctx, 'station:write', tenantId);
    const { ocpp_id, location_id: _l, tenant_id: _t, template_id, ocpp_password, ...rest } = await withTemplate(tx, input);
    if (!rest.charger_type) throw invalid('/charger_type', 'is required (or give a template_id)');
    const fields = parseOrThrow(chargeStationReplaceSchema, rest);
    const evseInputs = fields.evses ?? [];
    const references = tariffReferences(evseInputs);
    if (references.length) requirePermission(ctx, 'station:tariff', tenantId);
    await assertTariffsOffered(tx, tenantId, references);
    await assertOcppIdFree(tx, ctx, ocpp_id);

    const [row] = await tx
      .insert(chargeStations)
      .values({
        ...newStationColumns(fields, { tenantId, locationId }),
        ocppId: ocpp_id,
        templateId: template_id ?? null,
        ocppPasswordHash: ocpp_password ? await hashPassword(ocpp_password) : null,
      })
      .returning({ id: chargeStations.id });
    const id = row!.id;
    await writeEvses(tx, id, evseInputs, NO_EVSES);
    await writeStationGroups(tx, tenantId, id, [], fields.custom_groups ?? []);
    const created = await reloadStation(tx, id);
    await recordAudit(tx, ctx, { action: 'charge_station.created', entity: 'charge_station', entityId: id, tenantId, after: created });
    return created;
  }).catch(async (error) => {
    throw await asOcppIdClash(error, ctx, input.ocpp_id);
  });
}
