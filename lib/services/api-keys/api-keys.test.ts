import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashApiKeySecret } from '@/lib/auth/api-key-secret';
import type { AuthContext } from '@/lib/auth/context';
import { contextForApiKey } from '@/lib/auth/load-context';
import { getDb } from '@/lib/db/client';
import { apiKeys, auditEvents } from '@/lib/db/schema';
import { apiKeyListQuerySchema, type ApiKeyCreateInput } from '@/lib/schemas/api-key';
import { apiKeyContext, makeApiKey, makeTenant, userContext } from '@/test/fixtures';
import { actorId, mixedContext } from '@/test/fixtures-access';
import { createApiKey, getApiKey, listApiKeys, revokeApiKey } from './index';

const query = (q: Record<string, string> = {}) => apiKeyListQuerySchema.parse(q);
const auditOf = (id: string, action: string) =>
  getDb()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, action)));

let own: string;
let other: string;
let cpo: AuthContext;
let admin: AuthContext;
let operator: AuthContext;
let viewer: AuthContext;
const keyFor = (tenant: string, extra: Partial<ApiKeyCreateInput> = {}): ApiKeyCreateInput => ({
  name: 'Salesforce sync',
  role: 'customer_operator',
  tenant_id: tenant,
  ...extra,
});

beforeAll(async () => {
  own = (await makeTenant('Own')).id;
  other = (await makeTenant('Other')).id;
  cpo = await userContext('cpo_admin');
  admin = await userContext('customer_admin', [own]);
  operator = await userContext('customer_operator', [own]);
  viewer = await userContext('viewer', [own]);
});

describe('createApiKey', () => {
  it('returns the secret once, stores only its hash, and the key acts with its role in its tenant', async () => {
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const created = await createApiKey({ ctx: admin, input: keyFor(own, { expires_at: expiresAt }) });
    expect(created).toMatchObject({
      name: 'Salesforce sync',
      role: 'customer_operator',
      tenant_id: own,
      expires_at: expiresAt,
      last_used_at: null,
      revoked_at: null,
      created_by: `user:${actorId(admin)}`,
      version: 1,
    });
    expect(created.key).toMatch(/^clm_[A-Za-z0-9_-]{40}$/);
    expect(created.prefix).toBe(created.key!.slice(0, 8));
    const [row] = await getDb().select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(row!.secretHash).toBe(hashApiKeySecret(created.key!));
    expect(JSON.stringify(row)).not.toContain(created.key!);
    const ctx = (await contextForApiKey(getDb(), created.key!))!;
    expect(ctx.actor).toEqual({ kind: 'api_key', id: created.id });
    expect([...ctx.tenants.keys()]).toEqual([own]);
    expect(ctx.tenants.get(own)!.has('location:write')).toBe(true);
    expect(ctx.tenants.get(own)!.has('apikey:manage')).toBe(false);
    const [event] = await auditOf(created.id, 'api_key.created');
    expect(event).toMatchObject({ entity: 'api_key', tenantId: own, actor: `user:${actorId(admin)}` });
    expect(event!.changes.role).toEqual({ before: null, after: 'customer_operator' });
    expect(JSON.stringify(event!.changes)).not.toContain(created.key);
    expect(JSON.stringify(event!.changes)).not.toContain(row!.secretHash);
  });

  it('lets a CPO admin create a CPO-wide key', async () => {
    const created = await createApiKey({ ctx: cpo, input: { name: 'Warehouse', role: 'cpo_admin', tenant_id: null } });
    expect(created).toMatchObject({ role: 'cpo_admin', tenant_id: null, expires_at: null });
    expect((await contextForApiKey(getDb(), created.key!))!.cpoWide?.has('tenant:manage')).toBe(true);
    expect((await auditOf(created.id, 'api_key.created'))[0]!.tenantId).toBeNull();
  });

  it('names every invalid field (422): unknown role, missing or misplaced tenant, unknown tenant', async () => {
    await expect(createApiKey({ ctx: admin, input: { name: 'k', role: 'wizard', tenant_id: own } })).rejects.toMatchObject({
      code: 'validation',
      extra: { errors: [{ path: '/role', message: 'unknown role' }] },
    });
    await expect(createApiKey({ ctx: admin, input: { name: 'k', role: 'viewer' } })).rejects.toMatchObject({
      extra: { errors: [{ path: '/tenant_id', message: 'is required for a role held per tenant' }] },
    });
    await expect(createApiKey({ ctx: cpo, input: { name: 'k', role: 'cpo_admin', tenant_id: own } })).rejects.toMatchObject({
      extra: { errors: [{ path: '/tenant_id', message: 'must be null for a CPO-wide role' }] },
    });
    for (const tenant of [other, randomUUID()]) {
      await expect(createApiKey({ ctx: admin, input: keyFor(tenant) })).rejects.toMatchObject({
        extra: { errors: [{ path: '/tenant_id', message: 'unknown tenant' }] },
      });
    }
  });

  it('needs apikey:manage (403), also in the named tenant', async () => {
    await expect(createApiKey({ ctx: operator, input: keyFor(own, { role: 'viewer' }) })).rejects.toMatchObject({ code: 'forbidden' });
    const mixed = await mixedContext([
      { tenantId: own, role: 'customer_admin' },
      { tenantId: other, role: 'viewer' },
    ]);
    await expect(createApiKey({ ctx: mixed, input: keyFor(other, { role: 'viewer' }) })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('refuses a key with a permission the caller lacks (403)', async () => {
    await expect(createApiKey({ ctx: admin, input: { name: 'k', role: 'cpo_admin', tenant_id: null } })).rejects.toMatchObject({
      code: 'forbidden',
    });
    // An installer key would see the unassigned station pool, which a customer admin does not.
    await expect(createApiKey({ ctx: admin, input: keyFor(own, { role: 'installer' }) })).rejects.toMatchObject({ code: 'forbidden' });
    // A key may create keys only within its own permissions too.
    const managerKey = await apiKeyContext('account_manager', own);
    await expect(createApiKey({ ctx: managerKey, input: { name: 'k', role: 'cpo_admin', tenant_id: null } })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(createApiKey({ ctx: managerKey, input: keyFor(own, { role: 'viewer' }) })).resolves.toMatchObject({
      created_by: `api_key:${actorId(managerKey)}`,
    });
  });
});

describe('getApiKey and listApiKeys', () => {
  it('shows keys of tenants the caller manages, never a secret; others are 404', async () => {
    const mine = await makeApiKey('viewer', own);
    const theirs = await makeApiKey('viewer', other);
    const cpoKey = await makeApiKey('cpo_admin', null);
    const shown = await getApiKey({ ctx: admin, id: mine.key.id });
    expect(shown).toMatchObject({ id: mine.key.id, tenant_id: own, role: 'viewer', prefix: mine.key.prefix });
    expect(Object.keys(shown).sort()).toEqual(
      [
        'id',
        'name',
        'role',
        'tenant_id',
        'prefix',
        'expires_at',
        'last_used_at',
        'revoked_at',
        'created_by',
        'version',
        'created_at',
        'updated_at',
      ].sort(),
    );
    await expect(getApiKey({ ctx: admin, id: theirs.key.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(getApiKey({ ctx: admin, id: cpoKey.key.id })).rejects.toMatchObject({ code: 'not_found' });
    const ids = (await listApiKeys({ ctx: admin, query: query({ limit: '1000' }) })).data.map((k) => k.id);
    expect(ids).toContain(mine.key.id);
    expect(ids).not.toContain(theirs.key.id);
    expect(ids).not.toContain(cpoKey.key.id);
    const all = (await listApiKeys({ ctx: cpo, query: query({ limit: '1000' }) })).data.map((k) => k.id);
    expect(all).toEqual(expect.arrayContaining([mine.key.id, theirs.key.id, cpoKey.key.id]));
  });

  it('needs apikey:manage to list (403)', async () => {
    await expect(listApiKeys({ ctx: viewer, query: query() })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('pages through every key exactly once and filters revoked ones', async () => {
    const tenant = (await makeTenant('Paging')).id;
    const ctx = await userContext('customer_admin', [tenant]);
    const made = [];
    for (let i = 0; i < 5; i++) made.push((await createApiKey({ ctx, input: keyFor(tenant, { name: `Key ${i}` }) })).id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listApiKeys({ ctx, query: query({ limit: '2', sort: 'name', ...(cursor ? { cursor } : {}) }) });
      seen.push(...page.data.map((k) => k.id));
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(made);
    await revokeApiKey({ ctx, id: made[1]! });
    expect((await listApiKeys({ ctx, query: query({ revoked: 'true' }) })).data.map((k) => k.id)).toEqual([made[1]]);
    expect((await listApiKeys({ ctx, query: query({ revoked: 'false' }) })).data).toHaveLength(4);
  });
});

describe('revokeApiKey', () => {
  it('revokes: the key stops working, the revocation is audited, a second revoke changes nothing', async () => {
    const created = await createApiKey({ ctx: admin, input: keyFor(own) });
    await revokeApiKey({ ctx: admin, id: created.id, expectedVersion: 1 });
    expect(await contextForApiKey(getDb(), created.key!)).toBeNull();
    const revoked = await getApiKey({ ctx: admin, id: created.id });
    expect(revoked).toMatchObject({ version: 2, revoked_at: expect.any(String) });
    const [event] = await auditOf(created.id, 'api_key.revoked');
    expect(event).toMatchObject({ tenantId: own, changes: { revoked_at: { before: null, after: revoked.revoked_at } } });
    await revokeApiKey({ ctx: admin, id: created.id });
    expect(await auditOf(created.id, 'api_key.revoked')).toHaveLength(1);
    expect((await getApiKey({ ctx: admin, id: created.id })).version).toBe(2);
  });

  it('hides other tenants’ keys and CPO-wide keys (404), answers 412 on a stale If-Match', async () => {
    const theirs = await makeApiKey('viewer', other);
    await expect(revokeApiKey({ ctx: admin, id: theirs.key.id })).rejects.toMatchObject({ code: 'not_found' });
    const cpoKey = await makeApiKey('cpo_admin', null);
    await expect(revokeApiKey({ ctx: admin, id: cpoKey.key.id })).rejects.toMatchObject({ code: 'not_found' });
    // Without apikey:manage no key is in scope, so it is a 404 too, never a hint that it exists.
    const mine = await makeApiKey('viewer', own);
    await expect(revokeApiKey({ ctx: viewer, id: mine.key.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(revokeApiKey({ ctx: admin, id: mine.key.id, expectedVersion: 4 })).rejects.toMatchObject({ code: 'precondition_failed' });
    expect(await contextForApiKey(getDb(), mine.secret)).not.toBeNull();
  });
});
