import { beforeAll, describe, expect, it } from 'vitest';
import * as auditCollection from '@/app/api/v2/audit-events/route';
import * as keysCollection from '@/app/api/v2/api-keys/route';
import * as keysItem from '@/app/api/v2/api-keys/[id]/route';
import { makeApiKey, makeTenant } from '@/test/fixtures';
import { call } from './request';

let own: string;
let adminKey: string;
let adminKeyId: string;
let viewerKey: string;
let otherKey: string;
let created: { id: string; key: string };

beforeAll(async () => {
  own = (await makeTenant('Own')).id;
  const admin = await makeApiKey('customer_admin', own);
  adminKey = admin.secret;
  adminKeyId = admin.key.id;
  viewerKey = (await makeApiKey('viewer', own)).secret;
  otherKey = (await makeApiKey('customer_admin', (await makeTenant('Other')).id)).secret;
  const res = await call(keysCollection.POST, '/api/v2/api-keys', {
    key: adminKey,
    method: 'POST',
    body: { name: 'Audited key', role: 'viewer', tenant_id: own },
    headers: { 'x-request-id': 'req-audit-1' },
  });
  created = res.body;
  await call(keysItem.DELETE, `/api/v2/api-keys/${created.id}`, {
    key: adminKey,
    method: 'DELETE',
    params: { id: created.id },
    headers: { 'x-request-id': 'req-audit-2' },
  });
});

describe('GET /api/v2/audit-events', () => {
  it('returns the events of a change with actor, request id and changes, never the secret', async () => {
    const res = await call(auditCollection.GET, `/api/v2/audit-events?entity=api_key&entity_id=${created.id}`, { key: viewerKey });
    expect(res.status).toBe(200);
    expect(res.body.next_cursor).toBeNull();
    expect(res.body.data).toEqual([
      expect.objectContaining({
        action: 'api_key.created',
        actor: `api_key:${adminKeyId}`,
        tenant_id: own,
        entity: 'api_key',
        entity_id: created.id,
        request_id: 'req-audit-1',
        changes: expect.objectContaining({ name: { before: null, after: 'Audited key' }, role: { before: null, after: 'viewer' } }),
      }),
      expect.objectContaining({ action: 'api_key.revoked', request_id: 'req-audit-2' }),
    ]);
    expect(Object.keys(res.body.data[0]).sort()).toEqual([
      'action',
      'actor',
      'at',
      'changes',
      'entity',
      'entity_id',
      'id',
      'request_id',
      'tenant_id',
    ]);
    expect(JSON.stringify(res.body)).not.toContain(created.key);
  });

  it('pages newest first with next_cursor, and another tenant sees none of it', async () => {
    const first = await call(auditCollection.GET, `/api/v2/audit-events?actor=api_key:${adminKeyId}&sort=-at&limit=1`, { key: viewerKey });
    expect(first.body.data.map((e: { action: string }) => e.action)).toEqual(['api_key.revoked']);
    const second = await call(
      auditCollection.GET,
      `/api/v2/audit-events?actor=api_key:${adminKeyId}&sort=-at&limit=1&cursor=${encodeURIComponent(first.body.next_cursor)}`,
      { key: viewerKey },
    );
    expect(second.body.data.map((e: { action: string }) => e.action)).toEqual(['api_key.created']);
    expect(second.body.next_cursor).toBeNull();
    const foreign = await call(auditCollection.GET, `/api/v2/audit-events?entity_id=${created.id}`, { key: otherKey });
    expect(foreign.body).toEqual({ data: [], next_cursor: null });
  });

  it('answers 400 naming each invalid parameter, and 403 without audit:read', async () => {
    const bad = await call(auditCollection.GET, '/api/v2/audit-events?entity=planet&actor=bob&sort=name&colour=red', { key: viewerKey });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/actor', '/colour', '/entity', '/sort']);
    const installerKey = (await makeApiKey('installer', own)).secret;
    expect((await call(auditCollection.GET, '/api/v2/audit-events', { key: installerKey })).status).toBe(403);
  });
});
