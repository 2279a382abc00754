import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { auditEvents } from '@/lib/db/schema';
import { auditEventListQuerySchema } from '@/lib/schemas/audit-event';
import { createApiKey, revokeApiKey } from '@/lib/services/api-keys';
import { createTenant } from '@/lib/services/tenants';
import { makeTenant, userContext } from '@/test/fixtures';
import { actorId } from '@/test/fixtures-access';
import { listAuditEvents } from './index';

const query = (q: Record<string, string> = {}) => auditEventListQuerySchema.parse(q);

let own: string;
let other: string;
let cpo: AuthContext;
let admin: AuthContext;
let viewer: AuthContext;
let ownKey: string;
let otherKey: string;
let tenantEvent: string;

beforeAll(async () => {
  own = (await makeTenant('Own')).id;
  other = (await makeTenant('Other')).id;
  cpo = await userContext('cpo_admin');
  admin = await userContext('customer_admin', [own]);
  viewer = await userContext('viewer', [own]);
  ownKey = (await createApiKey({ ctx: admin, input: { name: 'Own key', role: 'viewer', tenant_id: own } })).id;
  await revokeApiKey({ ctx: admin, id: ownKey });
  otherKey = (await createApiKey({ ctx: cpo, input: { name: 'Other key', role: 'viewer', tenant_id: other } })).id;
  tenantEvent = (await createTenant({ ctx: cpo, input: { slug: `audit-${randomUUID().slice(0, 8)}`, name: 'Audited', kind: 'OTHER' } })).id;
  // A CPO-wide event without a tenant.
  await getDb()
    .insert(auditEvents)
    .values({ actor: 'system', tenantId: null, action: 'tariff.created', entity: 'tariff', entityId: 'AC-TEST' });
});

describe('listAuditEvents', () => {
  it('shows a tenant-scoped reader only its tenants’ events, oldest first', async () => {
    const page = await listAuditEvents({ ctx: viewer, query: query({ limit: '1000' }) });
    expect(page.data.every((e) => e.tenant_id === own)).toBe(true);
    const mine = page.data.filter((e) => e.entity_id === ownKey);
    expect(mine.map((e) => e.action)).toEqual(['api_key.created', 'api_key.revoked']);
    expect(mine[0]).toMatchObject({
      actor: `user:${actorId(admin)}`,
      tenant_id: own,
      entity: 'api_key',
      changes: expect.objectContaining({ name: { before: null, after: 'Own key' } }),
      request_id: null,
    });
    expect(page.data.map((e) => e.entity_id)).not.toContain(otherKey);
    expect(page.data.map((e) => e.entity_id)).not.toContain('AC-TEST');
    const times = page.data.map((e) => e.at);
    expect(times).toEqual([...times].sort());
  });

  it('shows a CPO admin every event, including those without a tenant', async () => {
    // One entity at a time: other test files write thousands of events into the shared database meanwhile.
    for (const id of [ownKey, otherKey, tenantEvent, 'AC-TEST']) {
      const ids = (await listAuditEvents({ ctx: cpo, query: query({ entity_id: id }) })).data.map((e) => e.entity_id);
      expect(ids, id).toContain(id);
    }
  });

  it('needs audit:read (403)', async () => {
    const installer = await userContext('installer', [own]);
    await expect(listAuditEvents({ ctx: installer, query: query() })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('filters by entity, entity_id, actor, action, tenant and time, newest first on request', async () => {
    const ids = async (q: Record<string, string>) => (await listAuditEvents({ ctx: cpo, query: query({ limit: '1000', ...q }) })).data;
    expect((await ids({ entity_id: ownKey, sort: '-at' })).map((e) => e.action)).toEqual(['api_key.revoked', 'api_key.created']);
    expect((await ids({ entity: 'tenant', entity_id: tenantEvent })).map((e) => e.action)).toEqual(['tenant.created']);
    expect((await ids({ actor: `user:${actorId(admin)}`.toUpperCase() })).map((e) => e.entity_id)).toEqual([ownKey, ownKey]);
    expect((await ids({ actor: 'system', entity: 'tariff', entity_id: 'AC-TEST' })).map((e) => e.action)).toEqual(['tariff.created']);
    expect((await ids({ action: 'api_key.revoked', tenant: own })).map((e) => e.entity_id)).toEqual([ownKey]);
    expect(await ids({ entity_id: ownKey, date_from: new Date(Date.now() + 60_000).toISOString() })).toEqual([]);
    expect(await ids({ entity_id: ownKey, date_to: '2000-01-01' })).toHaveLength(0);
    expect(await ids({ entity_id: ownKey, date_from: '2000-01-01' })).toHaveLength(2);
    // A tenant outside the caller's scope is an empty page, not an error.
    expect((await listAuditEvents({ ctx: viewer, query: query({ tenant: other }) })).data).toEqual([]);
  });

  it('pages through every event exactly once and binds the cursor to its filters', async () => {
    const all = (await listAuditEvents({ ctx: viewer, query: query({ limit: '1000' }) })).data.map((e) => e.id);
    expect(all.length).toBeGreaterThanOrEqual(2);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listAuditEvents({ ctx: viewer, query: query({ limit: '1', ...(cursor ? { cursor } : {}) }) });
      seen.push(...page.data.map((e) => e.id));
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all);
    const first = await listAuditEvents({ ctx: viewer, query: query({ limit: '1' }) });
    await expect(
      listAuditEvents({ ctx: viewer, query: query({ limit: '1', sort: '-at', cursor: first.next_cursor! }) }),
    ).rejects.toMatchObject({
      code: 'bad_request',
    });
  });

  it('rejects unknown or malformed filters', () => {
    for (const bad of [{ entity: 'planet' }, { actor: 'user:nope' }, { sort: 'action' }, { colour: 'red' }, { limit: '0' }]) {
      expect(auditEventListQuerySchema.safeParse(bad).success).toBe(false);
    }
  });
});
