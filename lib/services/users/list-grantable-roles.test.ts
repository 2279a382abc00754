import { beforeAll, describe, expect, it } from 'vitest';
import type { AuthContext } from '@/lib/auth/context';
import { makeTenant, userContext } from '@/test/fixtures';
import { listGrantableRoles } from './index';

let own: string;
let other: string;
let cpo: AuthContext;
let admin: AuthContext;
let manager: AuthContext;
let operator: AuthContext;

beforeAll(async () => {
  own = (await makeTenant('Own')).id;
  other = (await makeTenant('Other')).id;
  cpo = await userContext('cpo_admin');
  admin = await userContext('customer_admin', [own]);
  manager = await userContext('account_manager', [own]);
  operator = await userContext('customer_operator', [own]);
});

const roleIds = (result: Awaited<ReturnType<typeof listGrantableRoles>>, tenantId: string) =>
  result.tenants.find((t) => t.id === tenantId)?.roles.map((r) => r.id);

describe('listGrantableRoles', () => {
  it('offers a customer admin only its own tenant and the roles it covers', async () => {
    const result = await listGrantableRoles({ ctx: admin, permission: 'user:manage' });
    expect(result.tenants.map((t) => t.id)).toEqual([own]);
    expect(roleIds(result, own)).toEqual(expect.arrayContaining(['customer_admin', 'customer_operator', 'viewer']));
    // account_manager and installer grant what a customer admin lacks (or the station pool).
    expect(roleIds(result, own)).not.toContain('installer');
    expect(result.cpoRoles).toEqual([]);
  });

  it('never offers the other tenant (it stays unknown)', async () => {
    const result = await listGrantableRoles({ ctx: manager, permission: 'apikey:manage' });
    expect(result.tenants.map((t) => t.id)).not.toContain(other);
    expect(roleIds(result, own)).toContain('account_manager');
  });

  it('offers a CPO admin every tenant and the CPO-wide role; the tenant switcher narrows it', async () => {
    const result = await listGrantableRoles({ ctx: cpo, permission: 'user:manage' });
    expect(result.tenants.map((t) => t.id)).toEqual(expect.arrayContaining([own, other]));
    expect(roleIds(result, own)).toContain('installer');
    expect(result.cpoRoles.map((r) => r.id)).toEqual(['cpo_admin']);
    const focused = await listGrantableRoles({ ctx: { ...cpo, focusTenantId: other }, permission: 'user:manage' });
    expect(focused.tenants.map((t) => t.id)).toEqual([other]);
    expect(focused.cpoRoles).toEqual([]);
  });

  it('answers 403 without the permission', async () => {
    await expect(listGrantableRoles({ ctx: operator, permission: 'user:manage' })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
