/**
 * The permission vocabulary (docs/DOMAIN.md#roles-and-permissions). Which role holds which permission is data in
 * Postgres (roles / role_permissions); code only ever asks for a permission.
 */
export const PERMISSIONS = [
  'tenant:read',
  'tenant:manage',
  'user:manage',
  'apikey:manage',
  'location:read',
  'location:write',
  'location:delete',
  'station:read',
  'station:write',
  'station:delete',
  'station:link',
  'station:test',
  'station:availability',
  'station:tariff',
  'station:maintenance',
  'tariff:read',
  'tariff:manage',
  'audit:read',
  'webhook:manage',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const known = new Set<string>(PERMISSIONS);
export const isPermission = (value: string): value is Permission => known.has(value);
