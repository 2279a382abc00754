import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuthContext } from '@/lib/auth/context';
import { contextForApiKey, contextForUser } from '@/lib/auth/load-context';
import { getDb } from '@/lib/db/client';
import { auditEvents, locations, memberships, tenants } from '@/lib/db/schema';
import { tenantListQuerySchema, type TenantCreateInput } from '@/lib/schemas/tenant';
import { makeApiKey, makeLocation, makeStation, makeTenant, makeUser, userContext } from '@/test/fixtures';
import { createTenant, deleteTenant, getTenant, listTenants, updateTenant } from './index';

const query = (q: Record<string, string> = {}) => tenantListQuerySchema.parse(q);
const slug = (base = 'tenant') => `${base}-${randomUUID().slice(0, 8)}`;
const newTenant = (extra: Partial<TenantCreateInput> = {}): TenantCreateInput => ({
  slug: slug(),
  name: 'VvE Parkzicht',
  kind: 'CONDOMINIUM',
  ...extra,
});

let own: string;
let other: string;
let cpo: AuthContext;
let customerAdmin: AuthContext;
let manager: AuthContext;
let viewer: AuthContext;

beforeAll(async () => {
  own = (await makeTenant('Own')).id;
  other = (await makeTenant('Other')).id;
  cpo = await userContext('cpo_admin');
  customerAdmin = await userContext('customer_admin', [own]);
  manager = await userContext('account_manager', [own]);
  viewer = await userContext('viewer', [own]);
});

describe('createTenant', () => {
  it('creates as a CPO admin and audits the new values under the tenant’s own id', async () => {
    const input = newTenant({ external_id: 'SF-0042' });
    const created = await createTenant({ ctx: cpo, input });
    expect(created).toMatchObject({ slug: input.slug, name: 'VvE Parkzicht', kind: 'CONDOMINIUM', external_id: 'SF-0042', version: 1 });
    expect(created.deleted_at).toBeUndefined();
    const [event] = await getDb().select().from(auditEvents).where(eq(auditEvents.entityId, created.id));
    expect(event).toMatchObject({
      action: 'tenant.created',
      entity: 'tenant',
      tenantId: created.id,
      actor: `user:${(cpo.actor as { id: string }).id}`,
    });
    expect(event!.changes.slug).toEqual({ before: null, after: input.slug });
    expect(event!.changes.kind).toEqual({ before: null, after: 'CONDOMINIUM' });
  });

  it('refuses tenant-scoped roles, even those managing users and keys (403)', async () => {
    await expect(createTenant({ ctx: customerAdmin, input: newTenant() })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(createTenant({ ctx: manager, input: newTenant() })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('answers 409 with the existing id on a slug clash, also for concurrent duplicates', async () => {
    const first = await createTenant({ ctx: cpo, input: newTenant() });
    await expect(createTenant({ ctx: cpo, input: newTenant({ slug: first.slug }) })).rejects.toMatchObject({
      code: 'conflict',
      extra: { existingId: first.id },
    });
    const raced = slug('race');
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => createTenant({ ctx: cpo, input: newTenant({ slug: raced }) })),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const winner = (won[0] as PromiseFulfilledResult<{ id: string }>).value.id;
    for (const r of results.filter((x) => x.status === 'rejected')) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'conflict', extra: { existingId: winner } });
    }
  });
});

describe('getTenant and listTenants', () => {
  it('shows a tenant-scoped caller only its own tenants; others are 404 like a missing id', async () => {
    await expect(getTenant({ ctx: viewer, id: own })).resolves.toMatchObject({ id: own, version: 1 });
    await expect(getTenant({ ctx: viewer, id: other })).rejects.toMatchObject({ code: 'not_found' });
    await expect(getTenant({ ctx: viewer, id: randomUUID() })).rejects.toMatchObject({ code: 'not_found' });
    await expect(getTenant({ ctx: viewer, id: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
    const ids = (await listTenants({ ctx: viewer, query: query() })).data.map((t) => t.id);
    expect(ids).toEqual([own]);
  });

  it('shows a CPO admin every tenant', async () => {
    await expect(getTenant({ ctx: cpo, id: other })).resolves.toMatchObject({ id: other });
    const ids = (await listTenants({ ctx: cpo, query: query({ limit: '1000' }) })).data.map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining([own, other]));
  });

  it('pages through every match exactly once, sorts and searches name and slug', async () => {
    const marker = randomUUID().slice(0, 6);
    const made: string[] = [];
    for (const name of ['Delta', 'Alpha', 'Echo', 'Charlie', 'Bravo']) {
      made.push((await createTenant({ ctx: cpo, input: newTenant({ name: `${name} ${marker}` }) })).id);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listTenants({ ctx: cpo, query: query({ q: marker, limit: '2', ...(cursor ? { cursor } : {}) }) });
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((t) => t.id));
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    expect(seen.sort()).toEqual([...made].sort());
    const names = (await listTenants({ ctx: cpo, query: query({ q: marker, sort: '-name' }) })).data.map((t) => t.name);
    expect(names).toEqual(['Echo', 'Delta', 'Charlie', 'Bravo', 'Alpha'].map((n) => `${n} ${marker}`));
    const bySlug = await createTenant({ ctx: cpo, input: newTenant({ slug: slug(`zz${marker}`) }) });
    expect((await listTenants({ ctx: cpo, query: query({ q: `zz${marker}` }) })).data.map((t) => t.id)).toEqual([bySlug.id]);
  });

  it('needs tenant:read (403) and rejects a cursor of another caller (400)', async () => {
    const { secret } = await makeApiKey('viewer', own);
    const keyCtx = (await contextForApiKey(getDb(), secret))!;
    const none: AuthContext = { ...keyCtx, tenants: new Map(), cpoWide: null };
    await expect(listTenants({ ctx: none, query: query() })).rejects.toMatchObject({ code: 'forbidden' });
    const page = await listTenants({ ctx: cpo, query: query({ limit: '1' }) });
    const otherCpo = await userContext('cpo_admin');
    await expect(listTenants({ ctx: otherCpo, query: query({ limit: '1', cursor: page.next_cursor! }) })).rejects.toMatchObject({
      code: 'bad_request',
    });
  });
});

describe('updateTenant', () => {
  it('merge-patches, bumps the version and audits only the changed fields', async () => {
    const created = await createTenant({ ctx: cpo, input: newTenant({ external_id: 'SF-1' }) });
    const updated = await updateTenant({ ctx: cpo, id: created.id, body: { name: 'Renamed', external_id: null }, expectedVersion: 1 });
    expect(updated).toMatchObject({ name: 'Renamed', external_id: null, slug: created.slug, version: 2 });
    const [event] = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, created.id), eq(auditEvents.action, 'tenant.updated')));
    expect(event!.changes).toEqual({ name: { before: 'VvE Parkzicht', after: 'Renamed' }, external_id: { before: 'SF-1', after: null } });
  });

  it('answers 412 on a stale If-Match and changes nothing', async () => {
    const created = await createTenant({ ctx: cpo, input: newTenant() });
    await expect(updateTenant({ ctx: cpo, id: created.id, body: { name: 'X' }, expectedVersion: 3 })).rejects.toMatchObject({
      code: 'precondition_failed',
    });
    await expect(getTenant({ ctx: cpo, id: created.id })).resolves.toMatchObject({ name: 'VvE Parkzicht', version: 1 });
  });

  it('lists every invalid path (422), read-only fields included, and 409 on a taken slug', async () => {
    const created = await createTenant({ ctx: cpo, input: newTenant() });
    await expect(
      updateTenant({ ctx: cpo, id: created.id, body: { slug: 'Not A Slug', kind: 'CASTLE', name: '', colour: 'red' } }),
    ).rejects.toMatchObject({
      code: 'validation',
      extra: {
        errors: expect.arrayContaining([
          { path: '/slug', message: expect.any(String) },
          { path: '/kind', message: expect.any(String) },
          { path: '/name', message: expect.any(String) },
          { path: '/colour', message: 'unknown field' },
        ]),
      },
    });
    await expect(updateTenant({ ctx: cpo, id: created.id, body: { id: randomUUID(), version: 9 } })).rejects.toMatchObject({
      extra: {
        errors: [
          { path: '/id', message: 'is read-only' },
          { path: '/version', message: 'is read-only' },
        ],
      },
    });
    await expect(updateTenant({ ctx: cpo, id: created.id, body: { slug: 'x'.repeat(64) } })).rejects.toMatchObject({
      extra: { errors: [{ path: '/slug', message: expect.any(String) }] },
    });
    const taken = await createTenant({ ctx: cpo, input: newTenant() });
    await expect(updateTenant({ ctx: cpo, id: created.id, body: { slug: taken.slug } })).rejects.toMatchObject({
      code: 'conflict',
      extra: { existingId: taken.id },
    });
  });

  it('is 403 for a tenant’s own admin and 404 for a tenant outside its scope', async () => {
    await expect(updateTenant({ ctx: customerAdmin, id: own, body: { name: 'Mine' } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(updateTenant({ ctx: customerAdmin, id: other, body: { name: 'Mine' } })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('deleteTenant', () => {
  it('answers 409 while live locations or stations remain, then deletes once they are gone', async () => {
    const tenant = await createTenant({ ctx: cpo, input: newTenant() });
    const location = await makeLocation(tenant.id);
    await expect(deleteTenant({ ctx: cpo, id: tenant.id })).rejects.toMatchObject({ code: 'conflict' });
    await getDb().update(locations).set({ deletedAt: new Date() }).where(eq(locations.id, location.id));
    await makeStation(tenant.id);
    await expect(deleteTenant({ ctx: cpo, id: tenant.id })).rejects.toMatchObject({ code: 'conflict' });
    const empty = await createTenant({ ctx: cpo, input: newTenant() });
    await deleteTenant({ ctx: cpo, id: empty.id, expectedVersion: 1 });
    await expect(getTenant({ ctx: cpo, id: empty.id })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('ends access through the tenant: keys revoked, memberships removed; shown again only with include_deleted', async () => {
    const tenant = await createTenant({ ctx: cpo, input: newTenant() });
    const { secret, key } = await makeApiKey('viewer', tenant.id);
    const member = await makeUser('customer_operator', [tenant.id]);
    await deleteTenant({ ctx: cpo, id: tenant.id });
    expect(await contextForApiKey(getDb(), secret)).toBeNull();
    expect(await getDb().select().from(memberships).where(eq(memberships.tenantId, tenant.id))).toEqual([]);
    expect((await contextForUser(getDb(), member.id))!.tenants.size).toBe(0);
    const [row] = await getDb().select().from(tenants).where(eq(tenants.id, tenant.id));
    expect(row).toMatchObject({ version: 2 });
    expect(row!.deletedAt).toBeInstanceOf(Date);
    const [event] = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, tenant.id), eq(auditEvents.action, 'tenant.deleted')));
    expect(event!.changes).toEqual({
      deleted: { before: false, after: true },
      revoked_api_keys: { before: null, after: [key.id] },
      removed_members: { before: null, after: [member.id] },
    });
    const listed = await listTenants({ ctx: cpo, query: query({ q: tenant.slug, include_deleted: 'true' }) });
    expect(listed.data).toEqual([expect.objectContaining({ id: tenant.id, deleted_at: row!.deletedAt!.toISOString() })]);
    expect((await listTenants({ ctx: cpo, query: query({ q: tenant.slug }) })).data).toEqual([]);
    // The slug is free again for a live tenant.
    await expect(createTenant({ ctx: cpo, input: newTenant({ slug: tenant.slug }) })).resolves.toMatchObject({ slug: tenant.slug });
  });

  it('is 403 for an account manager of the tenant, 404 outside scope, 412 on a stale If-Match', async () => {
    await expect(deleteTenant({ ctx: manager, id: own })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(deleteTenant({ ctx: manager, id: other })).rejects.toMatchObject({ code: 'not_found' });
    const tenant = await createTenant({ ctx: cpo, input: newTenant() });
    await expect(deleteTenant({ ctx: cpo, id: tenant.id, expectedVersion: 2 })).rejects.toMatchObject({ code: 'precondition_failed' });
    await expect(getTenant({ ctx: cpo, id: tenant.id })).resolves.toMatchObject({ version: 1 });
  });
});
