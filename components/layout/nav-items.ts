import type { Permission } from '@/lib/auth/permissions';

import type { Messages } from '@/lib/i18n/messages';

/** Main navigation; an item shows only to callers holding (one of) its permission(s) somewhere. Labels are `Nav` message keys. */
export const NAV_ITEMS: { href: string; label: keyof Messages['Nav']; permission: Permission | readonly Permission[] }[] = [
  { href: '/', label: 'dashboard', permission: 'tenant:read' },
  { href: '/locations', label: 'locations', permission: 'location:read' },
  { href: '/charge-stations', label: 'chargeStations', permission: 'station:read' },
  { href: '/tariffs', label: 'tariffs', permission: 'tariff:read' },
  { href: '/hardware-templates', label: 'hardwareTemplates', permission: 'station:read' },
  { href: '/tenants', label: 'tenants', permission: 'tenant:manage' },
  { href: '/users', label: 'users', permission: 'user:manage' },
  { href: '/api-keys', label: 'apiKeys', permission: 'apikey:manage' },
  { href: '/webhooks', label: 'webhooks', permission: 'webhook:manage' },
  { href: '/imports', label: 'imports', permission: ['location:write', 'station:write'] },
  { href: '/audit', label: 'audit', permission: 'audit:read' },
  { href: '/installer', label: 'installer', permission: 'station:link' },
];
