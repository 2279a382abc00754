import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuthContext } from '@/lib/auth/context';
import { contextForUser } from '@/lib/auth/load-context';
import { verifyPassword } from '@/lib/auth/password';
import { getDb } from '@/lib/db/client';
import { auditEvents, memberships, users } from '@/lib/db/schema';
import { userListQuerySchema, type UserCreateInput } from '@/lib/schemas/user';
import { makeTenant, makeUser, userContext } from '@/test/fixtures';
import { actorId, mixedContext, mixedUser } from '@/test/fixtures-access';
import { createUser, deleteUser, getUser, listUsers, updateUser } from './index';

const query = (q: Record<string, string> = {}) => userListQuerySchema.parse(q);
const email = () => `anna-${randomUUID().slice(0, 8)}@parkzicht.example`;
const PASSWORD = 'correct-horse-battery-staple';
const newUser = (extra: Partial<UserCreateInput> = {}): UserCreateInput => ({
  email: email(),
  name: 'Anna de Vries',
  password: PASSWORD,
  ...extra,
});
const auditOf = (id: string, action: string) =>
  getDb()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, action)));
const hashOf = async (id: string) => (await getDb().select().from(users).where(eq(users.id, id)))[0]!.passwordHash;
const membershipRows = (userId: string) =>
  getDb().select({ tenant_id: memberships.tenantId, role: memberships.roleId }).from(memberships).where(eq(memberships.userId, userId));

let own: string;
let other: string;
let cpo: AuthContext;
let admin: AuthContext;
let operator: AuthContext;
let viewer: AuthContext;

beforeAll(async () => {
  own = (await makeTenant('Own')).id;
  other = (await makeTenant('Other')).id;
  cpo = await userContext('cpo_admin');
  admin = await userContext('customer_admin', [own]);
  operator = await userContext('customer_operator', [own]);
  viewer = await userContext('viewer', [own]);
});

describe('createUser', () => {
  it('invites into the admin’s tenant with an argon2id hash, never echoing or auditing the password', async () => {
    const created = await createUser({ ctx: admin, input: newUser({ memberships: [{ tenant_id: own, role: 'customer_operator' }] }) });
    expect(created).toMatchObject({
      name: 'Anna de Vries',
      cpo_role: null,
      disabled: false,
      version: 1,
      memberships: [{ tenant_id: own, role: 'customer_operator' }],
    });
    expect(created).not.toHaveProperty('password');
    expect(created).not.toHaveProperty('initial_password');
    const hash = await hashOf(created.id);
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, PASSWORD)).toBe(true);
    const [event] = await auditOf(created.id, 'user.created');
    expect(event).toMatchObject({ entity: 'user', tenantId: own, actor: `user:${actorId(admin)}` });
    expect(event!.changes.email).toEqual({ before: null, after: created.email });
    expect(JSON.stringify(event!.changes)).not.toContain(PASSWORD);
    expect(JSON.stringify(event!.changes)).not.toContain('argon2');
    const ctx = (await contextForUser(getDb(), created.id))!;
    expect([...ctx.tenants.keys()]).toEqual([own]);
  });

  it('generates a 20-character initial password when none is given and returns it once', async () => {
    const created = await createUser({
      ctx: admin,
      input: { email: email(), name: 'Invitee', memberships: [{ tenant_id: own, role: 'viewer' }] },
    });
    expect(created.initial_password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(await verifyPassword(await hashOf(created.id), created.initial_password!)).toBe(true);
    expect(await getUser({ ctx: admin, id: created.id })).not.toHaveProperty('initial_password');
    const [event] = await auditOf(created.id, 'user.created');
    expect(JSON.stringify(event!.changes)).not.toContain(created.initial_password!);
  });

  it('lets a CPO admin create another CPO admin', async () => {
    const created = await createUser({ ctx: cpo, input: newUser({ cpo_role: 'cpo_admin' }) });
    expect(created).toMatchObject({ cpo_role: 'cpo_admin', memberships: [] });
    expect((await contextForUser(getDb(), created.id))!.cpoWide?.has('tenant:manage')).toBe(true);
    const [event] = await auditOf(created.id, 'user.created');
    expect(event!.tenantId).toBeNull();
  });

  it('answers 409 with the existing id on a case-insensitive e-mail clash, also for concurrent duplicates', async () => {
    const first = await createUser({ ctx: admin, input: newUser({ memberships: [{ tenant_id: own, role: 'viewer' }] }) });
    await expect(
      createUser({ ctx: admin, input: newUser({ email: first.email.toUpperCase(), memberships: [{ tenant_id: own, role: 'viewer' }] }) }),
    ).rejects.toMatchObject({ code: 'conflict', extra: { existingId: first.id } });
    const raced = email();
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => createUser({ ctx: cpo, input: newUser({ email: raced }) })));
    const won = results.filter((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ id: string }>[];
    expect(won).toHaveLength(1);
    for (const r of results.filter((x) => x.status === 'rejected')) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'conflict', extra: { existingId: won[0]!.value.id } });
    }
  });

  it('needs user:manage (403) and names every invalid membership path (422)', async () => {
    await expect(
      createUser({ ctx: operator, input: newUser({ memberships: [{ tenant_id: own, role: 'viewer' }] }) }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      createUser({
        ctx: admin,
        input: newUser({
          memberships: [
            { tenant_id: other, role: 'viewer' },
            { tenant_id: own, role: 'cpo_admin' },
            { tenant_id: own, role: 'wizard' },
          ],
        }),
      }),
    ).rejects.toMatchObject({
      code: 'validation',
      extra: {
        errors: [
          { path: '/memberships/0/tenant_id', message: 'unknown tenant' },
          { path: '/memberships/1/role', message: 'is a CPO-wide role: set it as cpo_role' },
          { path: '/memberships/2/tenant_id', message: 'is listed twice' },
          { path: '/memberships/2/role', message: 'unknown role' },
        ],
      },
    });
    await expect(createUser({ ctx: admin, input: newUser() })).rejects.toMatchObject({
      extra: { errors: [{ path: '/memberships', message: 'must name at least one tenant you manage' }] },
    });
    await expect(
      createUser({ ctx: cpo, input: newUser({ cpo_role: 'cpo_admin', memberships: [{ tenant_id: own, role: 'viewer' }] }) }),
    ).rejects.toMatchObject({ extra: { errors: [{ path: '/memberships', message: expect.any(String) }] } });
  });

  it('refuses every privilege the caller lacks itself (403)', async () => {
    // A CPO role from a tenant admin.
    await expect(createUser({ ctx: admin, input: newUser({ cpo_role: 'cpo_admin' }) })).rejects.toMatchObject({ code: 'forbidden' });
    // A tenant the caller sees but does not manage.
    const mixed = await mixedContext([
      { tenantId: own, role: 'customer_admin' },
      { tenantId: other, role: 'viewer' },
    ]);
    await expect(createUser({ ctx: mixed, input: newUser({ memberships: [{ tenant_id: other, role: 'viewer' }] }) })).rejects.toMatchObject(
      {
        code: 'forbidden',
      },
    );
    // Installers see the unassigned station pool, which a customer admin does not.
    await expect(
      createUser({ ctx: admin, input: newUser({ memberships: [{ tenant_id: own, role: 'installer' }] }) }),
    ).rejects.toMatchObject({
      code: 'forbidden',
      detail: expect.stringContaining('unassigned station pool'),
    });
    await expect(createUser({ ctx: cpo, input: newUser({ memberships: [{ tenant_id: own, role: 'installer' }] }) })).resolves.toMatchObject(
      {
        memberships: [{ tenant_id: own, role: 'installer' }],
      },
    );
  });
});

describe('getUser and listUsers', () => {
  it('shows a tenant admin the users of its tenants and itself; others are 404', async () => {
    const mine = await makeUser('viewer', [own]);
    const theirs = await makeUser('viewer', [other]);
    await expect(getUser({ ctx: admin, id: mine.id })).resolves.toMatchObject({
      id: mine.id,
      memberships: [{ tenant_id: own, role: 'viewer' }],
    });
    await expect(getUser({ ctx: admin, id: theirs.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(getUser({ ctx: admin, id: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
    const ids = (await listUsers({ ctx: admin, query: query({ limit: '1000' }) })).data.map((u) => u.id);
    expect(ids).toEqual(expect.arrayContaining([mine.id, actorId(admin)]));
    expect(ids).not.toContain(theirs.id);
    expect((await listUsers({ ctx: admin, query: query({ tenant: other }) })).data).toEqual([]);
    await expect(getUser({ ctx: cpo, id: theirs.id })).resolves.toMatchObject({ id: theirs.id });
  });

  it('lets anyone read itself, but listing needs user:manage (403)', async () => {
    await expect(getUser({ ctx: viewer, id: actorId(viewer) })).resolves.toMatchObject({ id: actorId(viewer) });
    await expect(getUser({ ctx: viewer, id: actorId(admin) })).rejects.toMatchObject({ code: 'not_found' });
    await expect(listUsers({ ctx: viewer, query: query() })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('hides memberships in tenants the caller has no role in', async () => {
    const both = await mixedUser([
      { tenantId: own, role: 'viewer' },
      { tenantId: other, role: 'customer_operator' },
    ]);
    expect((await getUser({ ctx: admin, id: both.id })).memberships).toEqual([{ tenant_id: own, role: 'viewer' }]);
    expect((await getUser({ ctx: cpo, id: both.id })).memberships).toHaveLength(2);
  });

  it('pages through every match exactly once and searches name and e-mail', async () => {
    const tenant = (await makeTenant('Paging')).id;
    const ctx = await userContext('customer_admin', [tenant]);
    const made = [actorId(ctx)];
    for (let i = 0; i < 5; i++) {
      made.push(
        (await createUser({ ctx, input: newUser({ name: `Pager ${i}`, memberships: [{ tenant_id: tenant, role: 'viewer' }] }) })).id,
      );
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listUsers({ ctx, query: query({ tenant, limit: '2', ...(cursor ? { cursor } : {}) }) });
      seen.push(...page.data.map((u) => u.id));
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    expect(seen.sort()).toEqual([...made].sort());
    expect((await listUsers({ ctx, query: query({ q: 'pager 3' }) })).data.map((u) => u.name)).toEqual(['Pager 3']);
    const names = (await listUsers({ ctx, query: query({ tenant, q: 'pager', sort: '-name' }) })).data.map((u) => u.name);
    expect(names).toEqual(['Pager 4', 'Pager 3', 'Pager 2', 'Pager 1', 'Pager 0']);
  });
});

describe('updateUser', () => {
  it('lets any user save their own portal language, audited, and refuses one the portal does not speak', async () => {
    const self = actorId(viewer);
    const saved = await updateUser({ ctx: viewer, id: self, body: { locale: 'nl' } });
    expect(saved.locale).toBe('nl');
    const [row] = await getDb().select({ locale: users.locale }).from(users).where(eq(users.id, self));
    expect(row!.locale).toBe('nl');
    const [event] = await auditOf(self, 'user.updated');
    expect(event!.changes.locale).toEqual({ before: null, after: 'nl' });
    await expect(updateUser({ ctx: viewer, id: self, body: { locale: 'de' } })).rejects.toMatchObject({
      code: 'validation',
      extra: { errors: [{ path: '/locale' }] },
    });
    expect((await updateUser({ ctx: viewer, id: self, body: { locale: null } })).locale).toBeNull();
  });

  it('merge-patches, bumps the version and audits only the changed fields', async () => {
    const created = await createUser({ ctx: admin, input: newUser({ memberships: [{ tenant_id: own, role: 'viewer' }] }) });
    const updated = await updateUser({
      ctx: admin,
      id: created.id,
      body: { name: 'Anna Jansen', memberships: [{ tenant_id: own, role: 'customer_operator' }] },
      expectedVersion: 1,
    });
    expect(updated).toMatchObject({ name: 'Anna Jansen', version: 2, memberships: [{ tenant_id: own, role: 'customer_operator' }] });
    const [event] = await auditOf(created.id, 'user.updated');
    expect(event!.tenantId).toBe(own);
    expect(event!.changes).toEqual({
      name: { before: 'Anna de Vries', after: 'Anna Jansen' },
      memberships: { before: [{ tenant_id: own, role: 'viewer' }], after: [{ tenant_id: own, role: 'customer_operator' }] },
    });
  });

  it('replaces only the memberships in tenants the caller manages', async () => {
    const both = await mixedUser([
      { tenantId: own, role: 'customer_operator' },
      { tenantId: other, role: 'viewer' },
    ]);
    const updated = await updateUser({ ctx: admin, id: both.id, body: { memberships: [{ tenant_id: own, role: 'viewer' }] } });
    expect(updated.memberships).toEqual([{ tenant_id: own, role: 'viewer' }]);
    expect(await membershipRows(both.id)).toEqual(
      expect.arrayContaining([
        { tenant_id: own, role: 'viewer' },
        { tenant_id: other, role: 'viewer' },
      ]),
    );
    await updateUser({ ctx: admin, id: both.id, body: { memberships: null } });
    expect(await membershipRows(both.id)).toEqual([{ tenant_id: other, role: 'viewer' }]);
    // Now outside the admin's scope.
    await expect(getUser({ ctx: admin, id: both.id })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('changes the password as an argon2id hash and audits only that it changed', async () => {
    const created = await createUser({ ctx: admin, input: newUser({ memberships: [{ tenant_id: own, role: 'viewer' }] }) });
    const next = 'another-long-password-42';
    await updateUser({ ctx: admin, id: created.id, body: { password: next } });
    expect(await verifyPassword(await hashOf(created.id), next)).toBe(true);
    const [event] = await auditOf(created.id, 'user.updated');
    expect(event!.changes).toEqual({ password_changed: { before: null, after: true } });
  });

  it('lets users change their own name and password without user:manage, nothing more', async () => {
    const self = await userContext('viewer', [own]);
    await expect(
      updateUser({ ctx: self, id: actorId(self), body: { name: 'Me', password: 'my-own-new-password' } }),
    ).resolves.toMatchObject({
      name: 'Me',
    });
    await expect(
      updateUser({ ctx: self, id: actorId(self), body: { memberships: [{ tenant_id: own, role: 'customer_admin' }] } }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(updateUser({ ctx: self, id: actorId(self), body: { cpo_role: 'cpo_admin' } })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('refuses to take over a user who holds more than the caller (403) or is outside its scope (404)', async () => {
    const both = await mixedUser([
      { tenantId: own, role: 'viewer' },
      { tenantId: other, role: 'customer_admin' },
    ]);
    for (const body of [{ password: 'hijacked-password-1' }, { email: email() }, { disabled: true }]) {
      await expect(updateUser({ ctx: admin, id: both.id, body })).rejects.toMatchObject({ code: 'forbidden' });
    }
    await expect(
      updateUser({ ctx: admin, id: both.id, body: { memberships: [{ tenant_id: other, role: 'viewer' }] } }),
    ).rejects.toMatchObject({
      code: 'validation',
    });
    const theirs = await makeUser('viewer', [other]);
    await expect(updateUser({ ctx: admin, id: theirs.id, body: { name: 'Mine' } })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('disables sign-in, answers 412 on a stale If-Match and 409 on a taken e-mail', async () => {
    const created = await createUser({ ctx: admin, input: newUser({ memberships: [{ tenant_id: own, role: 'viewer' }] }) });
    await expect(updateUser({ ctx: admin, id: created.id, body: { disabled: true }, expectedVersion: 5 })).rejects.toMatchObject({
      code: 'precondition_failed',
    });
    await updateUser({ ctx: admin, id: created.id, body: { disabled: true }, expectedVersion: 1 });
    expect(await contextForUser(getDb(), created.id)).toBeNull();
    const taken = await createUser({ ctx: admin, input: newUser({ memberships: [{ tenant_id: own, role: 'viewer' }] }) });
    await expect(updateUser({ ctx: admin, id: created.id, body: { email: taken.email.toUpperCase() } })).rejects.toMatchObject({
      code: 'conflict',
      extra: { existingId: taken.id },
    });
  });

  it('lists every invalid path (422) and leaves the user untouched', async () => {
    const created = await createUser({ ctx: admin, input: newUser({ memberships: [{ tenant_id: own, role: 'viewer' }] }) });
    await expect(
      updateUser({ ctx: admin, id: created.id, body: { email: 'not-an-email', password: 'short', name: null, colour: 'red' } }),
    ).rejects.toMatchObject({
      code: 'validation',
      extra: {
        errors: expect.arrayContaining([
          { path: '/email', message: expect.any(String) },
          { path: '/password', message: 'must be at least 12 characters' },
          { path: '/name', message: expect.any(String) },
          { path: '/colour', message: 'unknown field' },
        ]),
      },
    });
    await expect(updateUser({ ctx: admin, id: created.id, body: { created_at: '2020-01-01T00:00:00.000Z' } })).rejects.toMatchObject({
      extra: { errors: [{ path: '/created_at', message: 'is read-only' }] },
    });
    await expect(getUser({ ctx: admin, id: created.id })).resolves.toMatchObject({ version: 1, name: 'Anna de Vries' });
  });
});

describe('deleteUser', () => {
  it('soft-deletes: 404 afterwards, no sign-in, the e-mail is free again, audited', async () => {
    const created = await createUser({ ctx: admin, input: newUser({ memberships: [{ tenant_id: own, role: 'viewer' }] }) });
    await deleteUser({ ctx: admin, id: created.id, expectedVersion: 1 });
    await expect(getUser({ ctx: admin, id: created.id })).rejects.toMatchObject({ code: 'not_found' });
    expect(await contextForUser(getDb(), created.id)).toBeNull();
    const listed = await listUsers({ ctx: admin, query: query({ q: created.email, include_deleted: 'true' }) });
    expect(listed.data).toEqual([expect.objectContaining({ id: created.id, deleted_at: expect.any(String) })]);
    const [event] = await auditOf(created.id, 'user.deleted');
    expect(event).toMatchObject({ tenantId: own, changes: { deleted: { before: false, after: true } } });
    await expect(
      createUser({ ctx: admin, input: newUser({ email: created.email, memberships: [{ tenant_id: own, role: 'viewer' }] }) }),
    ).resolves.toMatchObject({ email: created.email });
  });

  it('refuses deleting oneself or a user holding more (403), other tenants (404), stale If-Match (412)', async () => {
    await expect(deleteUser({ ctx: admin, id: actorId(admin) })).rejects.toMatchObject({ code: 'forbidden' });
    const both = await mixedUser([
      { tenantId: own, role: 'viewer' },
      { tenantId: other, role: 'viewer' },
    ]);
    await expect(deleteUser({ ctx: admin, id: both.id })).rejects.toMatchObject({ code: 'forbidden' });
    const theirs = await makeUser('viewer', [other]);
    await expect(deleteUser({ ctx: admin, id: theirs.id })).rejects.toMatchObject({ code: 'not_found' });
    const created = await createUser({ ctx: admin, input: newUser({ memberships: [{ tenant_id: own, role: 'viewer' }] }) });
    await expect(deleteUser({ ctx: admin, id: created.id, expectedVersion: 9 })).rejects.toMatchObject({ code: 'precondition_failed' });
    await expect(getUser({ ctx: admin, id: created.id })).resolves.toMatchObject({ version: 1 });
  });
});
