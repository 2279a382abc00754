import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as locationItem from '@/app/api/v2/locations/[id]/route';
import * as locations from '@/app/api/v2/locations/route';
import { getDb } from '@/lib/db/client';
import { locations as locationsTable } from '@/lib/db/schema';
import { makeApiKey, makeTenant } from '@/test/fixtures';
import { call } from './request';

let key: string;
let tenantId: string;
const location = (name: string) => ({
  name,
  address: 'Parklaan 12',
  city: 'Utrecht',
  country: 'NLD',
  coordinates: { latitude: 52.09, longitude: 5.12 },
});

beforeAll(async () => {
  tenantId = (await makeTenant('Cross')).id;
  key = (await makeApiKey('customer_admin', tenantId)).secret;
});

describe('Idempotency-Key on POST', () => {
  it('20 parallel POSTs with one key create one object and all answer with it', async () => {
    const headers = { 'idempotency-key': `crm-${Date.now()}` };
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        call(locations.POST, '/api/v2/locations', { key, method: 'POST', body: location('Idempotent'), headers }),
      ),
    );
    const ok = responses.filter((r) => r.status === 201);
    const ids = new Set(ok.map((r) => r.body.id));
    expect(ids.size).toBe(1);
    // Every request either replayed the one result or was told a duplicate was still running.
    expect(responses.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    const rows = await getDb().select().from(locationsTable).where(eq(locationsTable.tenantId, tenantId));
    expect(rows.filter((r) => r.name === 'Idempotent')).toHaveLength(1);
  });

  it('a retry replays status, body and headers; another body with the key is a 422', async () => {
    const headers = { 'idempotency-key': `retry-${Date.now()}` };
    const first = await call(locations.POST, '/api/v2/locations', { key, method: 'POST', body: location('Retry'), headers });
    const again = await call(locations.POST, '/api/v2/locations', { key, method: 'POST', body: location('Retry'), headers });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const different = await call(locations.POST, '/api/v2/locations', { key, method: 'POST', body: location('Other'), headers });
    expect(different.status).toBe(422);
  });

  it('keys are per caller: another key with the same Idempotency-Key creates its own object', async () => {
    const otherKey = (await makeApiKey('customer_admin', tenantId)).secret;
    const headers = { 'idempotency-key': `shared-${Date.now()}` };
    const a = await call(locations.POST, '/api/v2/locations', { key, method: 'POST', body: location('A'), headers });
    const b = await call(locations.POST, '/api/v2/locations', { key: otherKey, method: 'POST', body: location('A'), headers });
    expect(a.body.id).not.toBe(b.body.id);
  });
});

describe('If-Match under concurrency', () => {
  it('20 parallel PATCHes with the same If-Match: exactly one 200, the rest 412, version + 1', async () => {
    const created = await call(locations.POST, '/api/v2/locations', { key, method: 'POST', body: location('Contended') });
    const id = created.body.id;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call(locationItem.PATCH, '', {
          key,
          method: 'PATCH',
          params: { id },
          body: { remarks: `writer ${i}` },
          headers: { 'if-match': '"1"' },
        }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 412)).toHaveLength(19);
    const final = await call(locationItem.GET, '', { key, params: { id } });
    expect(final.body.version).toBe(2);
  });
});

describe('secrets and Idempotency-Key', () => {
  it('a replayed API-key creation never carries the secret again', async () => {
    const apiKeys = await import('@/app/api/v2/api-keys/route');
    const headers = { 'idempotency-key': `key-${Date.now()}` };
    const body = { name: 'integration', role: 'viewer', tenant_id: tenantId, expires_at: null };
    const first = await call(apiKeys.POST, '/api/v2/api-keys', { key, method: 'POST', body, headers });
    expect(first.status).toBe(201);
    expect(first.body.key).toEqual(expect.any(String));
    const replay = await call(apiKeys.POST, '/api/v2/api-keys', { key, method: 'POST', body, headers });
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual({ ...first.body, key: null });
    const { idempotencyKeys } = await import('@/lib/db/schema');
    const stored = await getDb().select().from(idempotencyKeys);
    expect(JSON.stringify(stored)).not.toContain(first.body.key);
  });
});
