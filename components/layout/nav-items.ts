import type { Permission } from '@/lib/auth/permissions';

/** Main navigation; an item shows only to callers holding its permission somewhere. */
export const NAV_ITEMS: { href: string; label: string; permission: Permission }[] = [
  { href: '/', label: 'Dashboard', permission: 'tenant:read' },
  { href: '/locations', label: 'Locations', permission: 'location:read' },
  { href: '/charge-stations', label: 'Charge stations', permission: 'station:read' },
  { href: '/installer', label: 'Installer', permission: 'station:link' },
];
