import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/client';
import { chargeStations } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { getLocationOrThrow } from '@/lib/services/locations/location-record';
import { visibleCondition } from '@/lib/services/shared/scope';
import { apiKeyContext, makeLocation, makeStation, makeTenant, userContext } from '@/test/fixtures';
import { can, requirePermission, visibility, type AuthContext } from './context';
import { PERMISSIONS, type Permission } from './permissions';

// The matrix of docs/DOMAIN.md#roles-and-permissions, written out independently of the seed migration so a wrong seed fails here.
const ALL = [...PERMISSIONS];
const READ: Permission[] = ['tenant:read', 'location:read', 'station:read', 'tariff:read'];
const EXPECTED: Record<string, Permission[]> = {
  cpo_admin: ALL,
  account_manager: ALL.filter((p) => p !== 'tenant:manage' && p !== 'tariff:manage'),
  customer_admin: ALL.filter((p) => p !== 'tenant:manage' && p !== 'tariff:manage'),
  customer_operator: [
    ...READ,
    'location:write',
    'station:write',
    'station:availability',
    'station:tariff',
    'station:maintenance',
    'audit:read',
  ],
  viewer: [...READ, 'audit:read'],
  installer: [...READ, 'station:link', 'station:test', 'station:maintenance'],
};
const SEES_POOL = new Set(['cpo_admin', 'installer']);
const ROLES = Object.keys(EXPECTED);

type World = { own: string; other: string; ownLocation: string; otherLocation: string; poolStation: string };
let world: World;

beforeAll(async () => {
  const [own, other] = [await makeTenant('Own'), await makeTenant('Other')];
  world = {
    own: own.id,
    other: other.id,
    ownLocation: (await makeLocation(own.id)).id,
    otherLocation: (await makeLocation(other.id)).id,
    poolStation: (await makeStation(null)).id,
  };
});

async function poolStationVisible(ctx: AuthContext): Promise<boolean> {
  const rows = await getDb()
    .select({ id: chargeStations.id })
    .from(chargeStations)
    .where(and(eq(chargeStations.id, world.poolStation), visibleCondition(visibility(ctx, 'station:read'), chargeStations.tenantId)));
  return rows.length === 1;
}

const holders = [
  { kind: 'user', make: (role: string) => userContext(role, role === 'cpo_admin' ? [] : [world.own]) },
  { kind: 'api key', make: (role: string) => apiKeyContext(role, role === 'cpo_admin' ? null : world.own) },
] as const;

describe.each(holders)('permission matrix via $kind', ({ make }) => {
  describe.each(ROLES)('%s', (role) => {
    let ctx: AuthContext;
    beforeAll(async () => {
      ctx = await make(role);
    });

    it.each(ALL)('%s: own tenant / other tenant / pool', (permission) => {
      const granted = EXPECTED[role]!.includes(permission);
      expect(can(ctx, permission, world.own)).toBe(granted);
      expect(can(ctx, permission, world.other)).toBe(role === 'cpo_admin' && granted);
      expect(can(ctx, permission, null)).toBe(SEES_POOL.has(role) && granted);
    });

    it('finds its own location and gets 404 (never 403) for another tenant’s', async () => {
      await expect(getLocationOrThrow(getDb(), ctx, world.ownLocation)).resolves.toMatchObject({ row: { id: world.ownLocation } });
      const other = getLocationOrThrow(getDb(), ctx, world.otherLocation);
      if (role === 'cpo_admin') await expect(other).resolves.toBeTruthy();
      else await expect(other).rejects.toMatchObject({ code: 'not_found' });
    });

    it(`${SEES_POOL.has(role) ? 'sees' : 'does not see'} the unassigned pool`, async () => {
      expect(await poolStationVisible(ctx)).toBe(SEES_POOL.has(role));
    });

    it('is refused with 403 for a permission it lacks in its own tenant', () => {
      const lacking = ALL.filter((p) => !EXPECTED[role]!.includes(p));
      for (const permission of lacking) {
        expect(() => requirePermission(ctx, permission, world.own)).toThrow(AppError);
        try {
          requirePermission(ctx, permission, world.own);
        } catch (error) {
          expect((error as AppError).code).toBe('forbidden');
        }
      }
    });
  });
});

describe('the seeded roles table', () => {
  it('holds exactly the documented matrix', async () => {
    const rows = await getDb().query.rolePermissions.findMany();
    const seeded: Record<string, string[]> = {};
    for (const row of rows) (seeded[row.roleId] ??= []).push(row.permissionId);
    for (const role of ROLES) expect(seeded[role]?.sort()).toEqual([...EXPECTED[role]!].sort());
    expect(Object.keys(seeded).sort()).toEqual([...ROLES].sort());
  });
});
