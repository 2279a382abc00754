/** The demo sign-ins and API keys, printed by `npm run demo` and listed in the README. */
export const DEMO_PASSWORD = 'demo-password-2026';

export const DEMO_TENANTS = [
  { slug: 'gemeente-utrecht', name: 'Gemeente Utrecht', kind: 'MUNICIPALITY', externalId: 'SF-0001' },
  { slug: 'van-dijk-logistics', name: 'Van Dijk Logistics', kind: 'B2B', externalId: 'SF-0002' },
  { slug: 'vve-parkzicht', name: 'VvE Parkzicht', kind: 'CONDOMINIUM', externalId: 'SF-0042' },
] as const;

export type DemoTenantSlug = (typeof DEMO_TENANTS)[number]['slug'];

export const DEMO_USERS: {
  email: string;
  name: string;
  cpoRole?: 'cpo_admin';
  memberships: { tenant: DemoTenantSlug; role: string }[];
}[] = [
  { email: 'admin@cpo.example', name: 'Carla CPO-Admin', cpoRole: 'cpo_admin', memberships: [] },
  {
    email: 'manager@cpo.example',
    name: 'Mark Account-Manager',
    memberships: [
      { tenant: 'gemeente-utrecht', role: 'account_manager' },
      { tenant: 'van-dijk-logistics', role: 'account_manager' },
    ],
  },
  { email: 'admin@parkzicht.example', name: 'Anna Customer-Admin', memberships: [{ tenant: 'vve-parkzicht', role: 'customer_admin' }] },
  {
    email: 'operator@parkzicht.example',
    name: 'Otto Customer-Operator',
    memberships: [{ tenant: 'vve-parkzicht', role: 'customer_operator' }],
  },
  { email: 'viewer@utrecht.example', name: 'Vera Viewer', memberships: [{ tenant: 'gemeente-utrecht', role: 'viewer' }] },
  {
    email: 'installer@cpo.example',
    name: 'Ivan Installer',
    memberships: [
      { tenant: 'gemeente-utrecht', role: 'installer' },
      { tenant: 'van-dijk-logistics', role: 'installer' },
    ],
  },
];

/** One customer_admin key per demo tenant. Fixed secrets: demo data only, never for production. */
export const DEMO_API_KEYS = DEMO_TENANTS.map((t) => ({
  tenant: t.slug,
  name: `${t.slug} demo key`,
  role: 'customer_admin',
  secret: `clm_demo_${t.slug.replace(/-/g, '_')}_key`,
}));
