import type { Permission } from '@/lib/auth/permissions';

/** Main navigation; an item shows only to callers holding (one of) its permission(s) somewhere. */
export const NAV_ITEMS: { href: string; label: string; permission: Permission | readonly Permission[] }[] = [
  { href: '/', label: 'Dashboard', permission: 'tenant:read' },
  { href: '/locations', label: 'Locations', permission: 'location:read' },
  { href: '/charge-stations', label: 'Charge stations', permission: 'station:read' },
  { href: '/tariffs', label: 'Tariffs', permission: 'tariff:read' },
  { href: '/hardware-templates', label: 'Hardware templates', permission: 'station:read' },
  { href: '/tenants', label: 'Tenants', permission: 'tenant:manage' },
  { href: '/users', label: 'Users', permission: 'user:manage' },
  { href: '/api-keys', label: 'API keys', permission: 'apikey:manage' },
  { href: '/webhooks', label: 'Webhooks', permission: 'webhook:manage' },
  { href: '/imports', label: 'Imports', permission: ['location:write', 'station:write'] },
  { href: '/audit', label: 'Audit log', permission: 'audit:read' },
  { href: '/installer', label: 'Installer', permission: 'station:link' },
];
