import { can, type AuthContext } from '@/lib/auth/context';
import { auditEventListQuerySchema, type AuditEvent } from '@/lib/schemas/audit-event';
import type { ChargeStation } from '@/lib/schemas/charge-station';
import { tariffListQuerySchema } from '@/lib/schemas/tariff';
import { listAuditEvents } from '@/lib/services/audit-events';
import { getConfiguration, mayWriteMaintenance } from '@/lib/services/charge-stations';
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
};

export type StationDetailExtras = {
  may: StationPermissions;
  offered: { id: string; name: string | null }[];
  audit: AuditEvent[];
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
  };
}

/**
 * Everything the station page shows besides the station: tariffs offered to its tenant and its
 * latest audit events — each loaded only when the user may use it.
 */
export async function loadStationDetailExtras(ctx: AuthContext, station: ChargeStation): Promise<StationDetailExtras> {
  const may = stationPermissions(ctx, station);
  const [offered, audit] = await Promise.all([
    may.tariff
      ? listTariffs({ ctx, query: tariffListQuerySchema.parse({ tenant: station.tenant_id, limit: '1000', sort: 'id' }) }).then((p) =>
          p.data.map((t) => ({ id: t.id, name: t.name })),
        )
      : [],
    may.audit
      ? listAuditEvents({
          ctx,
          query: auditEventListQuerySchema.parse({
            entity: 'charge_station',
            entity_id: station.id,
            sort: '-at',
            limit: String(STATION_AUDIT_LIMIT),
          }),
        }).then((p) => p.data)
      : [],
  ]);
  return { may, offered, audit };
}

/** The configuration tab: each desired or reported key, desired against reported, with its sync state and drift. */
export async function loadStationConfiguration(ctx: AuthContext, station: ChargeStation) {
  const configuration = await getConfiguration({ ctx, id: station.id });
  return { may: stationPermissions(ctx, station), keys: configuration.keys, reportedAt: configuration.reported_configuration_at };
}
