import { can, requirePermission, type AuthContext } from '@/lib/auth/context';

type Target = {
  /** The permission that covers every writable field of the object. */
  write: 'station:write' | 'location:write';
  /** The one field station:maintenance alone may change: `maintenance_windows` or `maintenance`. */
  field: 'maintenance_windows' | 'maintenance';
};

/**
 * Installers keep stations serviced without editing them: station:maintenance lets a caller
 * change the maintenance field of a station or location and nothing else; the write permission
 * covers that field too.
 */
export const mayWriteMaintenance = (ctx: AuthContext, tenantId: string | null, write: Target['write']) =>
  can(ctx, 'station:maintenance', tenantId) || can(ctx, write, tenantId);

/**
 * 403 unless the caller may send this body: the write permission, or station:maintenance for a
 * PATCH that holds nothing but the maintenance field (a PUT replaces every field, so it never is).
 */
export function requireWriteOrMaintenance(
  ctx: AuthContext,
  tenantId: string | null,
  { write, field }: Target,
  body: Record<string, unknown>,
  mode: 'replace' | 'merge',
): void {
  const keys = Object.keys(body);
  const maintenanceOnly = mode === 'merge' && keys.length > 0 && keys.every((k) => k === field);
  if (!(maintenanceOnly && can(ctx, 'station:maintenance', tenantId))) requirePermission(ctx, write, tenantId);
}
