import { can, type AuthContext } from '@/lib/auth/context';
import { AppError } from '@/lib/errors';
import { auditEventListQuerySchema, type AuditEvent } from '@/lib/schemas/audit-event';
import type { ChargeStation } from '@/lib/schemas/charge-station';
import { tariffListQuerySchema } from '@/lib/schemas/tariff';
import { listAuditEvents } from '@/lib/services/audit-events';
import { getConfiguration, mayWriteMaintenance } from '@/lib/services/charge-stations';
import { getLocation } from '@/lib/services/locations';
import { listTariffs } from '@/lib/services/tariffs';

/** How many audit events the detail page shows (newest first); the audit log has the rest. */
export const STATION_AUDIT_LIMIT = 20;

export type StationPermissions = {
  write: boolean;
  availability: boolean;
  tariff: boolean;
  link: boolean;
  maintenance: boolean;
  audit: boolean;
  test: boolean;
};

/** What the controls of a station may do: the same `can()` the service verbs check. */
export function stationPermissions(ctx: AuthContext, station: Pick<ChargeStation, 'tenant_id' | 'evses'>): StationPermissions {
  const t = station.tenant_id;
  return {
    write: can(ctx, 'station:write', t),
    availability: can(ctx, 'station:availability', t),
    // Tariffs are offered per tenant: a pool station has none to choose from.
    tariff: can(ctx, 'station:tariff', t) && t !== null && station.evses.length > 0,
    link: can(ctx, 'station:link', t),
    maintenance: mayWriteMaintenance(ctx, t, 'station:write'),
    audit: can(ctx, 'audit:read', t),
    test: can(ctx, 'station:test', t),
  };
}

/** The tariffs offered to the station's tenant, for its tariff code forms; none when the user may not set them. */
export async function loadTariffChoices(
  ctx: AuthContext,
  station: ChargeStation,
  may: StationPermissions,
): Promise<{ id: string; name: string | null }[]> {
  if (!may.tariff) return [];
  const page = await listTariffs({ ctx, query: tariffListQuerySchema.parse({ tenant: station.tenant_id, limit: '1000', sort: 'id' }) });
  return page.data.map((t) => ({ id: t.id, name: t.name }));
}

/** The station's latest audit events, newest first; none when the user may not read the audit log. */
export async function loadStationHistory(ctx: AuthContext, station: ChargeStation, may: StationPermissions): Promise<AuditEvent[]> {
  if (!may.audit) return [];
  const query = auditEventListQuerySchema.parse({
    entity: 'charge_station',
    entity_id: station.id,
    sort: '-at',
    limit: String(STATION_AUDIT_LIMIT),
  });
  return (await listAuditEvents({ ctx, query })).data;
}

/**
 * The name of the station's location for the page header. Null when unlinked, or when the
 * location is outside what the user may see (the header then links without a name).
 */
export async function loadStationLocationName(ctx: AuthContext, station: ChargeStation): Promise<string | null> {
  if (!station.location_id) return null;
  try {
    return (await getLocation({ ctx, id: station.location_id })).name;
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  }
}

/** The configuration tab: each desired or reported key, desired against reported, with its sync state and drift. */
export async function loadStationConfiguration(ctx: AuthContext, station: ChargeStation) {
  const configuration = await getConfiguration({ ctx, id: station.id });
  return { keys: configuration.keys, reportedAt: configuration.reported_configuration_at };
}
