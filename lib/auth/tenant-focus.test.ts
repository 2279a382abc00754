import { beforeAll, describe, expect, it } from 'vitest';
import { chargeStationListQuerySchema } from '@/lib/schemas/charge-station';
import { getChargeStation, listChargeStations, setAvailability } from '@/lib/services/charge-stations';
import { makeStation, makeTenant, userContext } from '@/test/fixtures';
import { mayFocus, tenantsWith, unfocused, visibility, type AuthContext } from './context';

// The portal's tenant switcher narrows what a user sees to one tenant and never grants more.
let a: string;
let b: string;
let outside: string;
const stations: Record<string, string> = {};
let manager: AuthContext;
let admin: AuthContext;

beforeAll(async () => {
  [a, b, outside] = [(await makeTenant('A')).id, (await makeTenant('B')).id, (await makeTenant('Outside')).id];
  for (const tenant of [a, b, outside]) stations[tenant] = (await makeStation(tenant)).id;
  stations.pool = (await makeStation(null)).id;
  manager = await userContext('account_manager', [a, b]);
  admin = await userContext('cpo_admin');
});

const ids = async (ctx: AuthContext) =>
  (await listChargeStations({ ctx, query: chargeStationListQuerySchema.parse({ limit: '1000' }) })).data.map((s) => s.id);

describe('tenant focus', () => {
  it('a member may focus only on their own tenants; CPO staff on any', () => {
    expect(mayFocus(manager, a)).toBe(true);
    expect(mayFocus(manager, outside)).toBe(false);
    expect(mayFocus(admin, outside)).toBe(true);
  });

  it('narrows lists to the focused tenant, also for CPO-wide staff (no pool)', async () => {
    const focusedManager = await ids({ ...manager, focusTenantId: b });
    expect(focusedManager).toContain(stations[b]);
    expect(focusedManager).not.toContain(stations[a]);
    const focusedAdmin = await ids({ ...admin, focusTenantId: a });
    expect(focusedAdmin).toContain(stations[a]);
    expect([stations[b], stations[outside], stations.pool].some((id) => focusedAdmin.includes(id!))).toBe(false);
    expect(visibility({ ...admin, focusTenantId: a }, 'station:read')).toEqual({ allTenants: false, tenantIds: [a], pool: false });
  });

  it('makes the other tenant’s objects 404 while focused, and writes too', async () => {
    const focused = { ...manager, focusTenantId: a };
    await expect(getChargeStation({ ctx: focused, id: stations[b]! })).rejects.toMatchObject({ code: 'not_found' });
    await expect(setAvailability({ ctx: focused, id: stations[b]!, input: { availability: 'INOPERATIVE' } })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(tenantsWith(focused, 'station:write')).toEqual([a]);
  });

  it('a focus outside the scope shows nothing rather than more', async () => {
    expect(await ids({ ...manager, focusTenantId: outside })).toEqual([]);
  });

  it('unfocused restores the full scope', async () => {
    const all = await ids(unfocused({ ...manager, focusTenantId: a }));
    expect(all).toEqual(expect.arrayContaining([stations[a], stations[b]]));
  });
});
