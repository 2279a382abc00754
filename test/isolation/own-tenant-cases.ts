import { expect } from 'vitest';
import { makeStation } from '@/test/fixtures';
import { callEndpoint, endpoint } from './api-call';
import type { MatrixCase } from './api-cases';
import { ROLES, type Role, type World } from './world';

/** Own tenant: each role gets exactly what the permission matrix grants (SPEC section 1). */
export function ownTenantCases(): MatrixCase[] {
  type Check = { name: string; allowed: Role[]; okStatus: number; run: (w: World, role: Role) => Promise<{ status: number }> };
  const WRITERS: Role[] = ['cpo_admin', 'account_manager', 'customer_admin', 'customer_operator'];
  const LINKERS: Role[] = ['cpo_admin', 'account_manager', 'customer_admin', 'installer'];
  const ADMINS: Role[] = ['cpo_admin', 'account_manager', 'customer_admin'];
  const checks: Check[] = [
    {
      name: 'GET own location',
      allowed: [...ROLES],
      okStatus: 200,
      run: (w, r) => callEndpoint(endpoint('GET', '/api/v2/locations/{id}'), { key: w.holders[r].key, params: { id: w.ownLocation } }),
    },
    {
      name: 'PATCH own location',
      allowed: WRITERS,
      okStatus: 200,
      run: (w, r) =>
        callEndpoint(endpoint('PATCH', '/api/v2/locations/{id}'), {
          key: w.holders[r].key,
          params: { id: w.ownLocation },
          body: { remarks: `by ${r}` },
        }),
    },
    {
      name: 'availability',
      allowed: WRITERS,
      okStatus: 202,
      run: (w, r) =>
        callEndpoint(endpoint('POST', '/api/v2/charge-stations/{id}/availability'), {
          key: w.holders[r].key,
          params: { id: w.ownStation },
          body: { availability: 'OPERATIVE' },
        }),
    },
    {
      name: 'reset',
      allowed: WRITERS,
      okStatus: 202,
      run: (w, r) =>
        callEndpoint(endpoint('POST', '/api/v2/charge-stations/{id}/reset'), {
          key: w.holders[r].key,
          params: { id: w.ownStation },
          body: { type: 'SOFT' },
        }),
    },
    {
      name: 'station commands',
      allowed: [...ROLES],
      okStatus: 200,
      run: (w, r) =>
        callEndpoint(endpoint('GET', '/api/v2/charge-stations/{id}/commands'), { key: w.holders[r].key, params: { id: w.ownStation } }),
    },
    {
      name: 'OCPP message log',
      allowed: [...ROLES],
      okStatus: 200,
      run: (w, r) =>
        callEndpoint(endpoint('GET', '/api/v2/charge-stations/{id}/ocpp-messages'), {
          key: w.holders[r].key,
          params: { id: w.ownStation },
        }),
    },
    {
      name: 'tariffs',
      allowed: WRITERS,
      okStatus: 200,
      run: (w, r) =>
        callEndpoint(endpoint('PUT', '/api/v2/charge-stations/{id}/tariffs'), {
          key: w.holders[r].key,
          params: { id: w.ownStation },
          body: { tariff_ids: [w.sharedTariff] },
        }),
    },
    {
      name: 'commissioning test',
      allowed: LINKERS,
      okStatus: 201,
      run: (w, r) =>
        callEndpoint(endpoint('POST', '/api/v2/charge-stations/{id}/tests'), { key: w.holders[r].key, params: { id: w.ownStation } }),
    },
    {
      name: 'link',
      allowed: LINKERS,
      okStatus: 200,
      run: (w, r) =>
        callEndpoint(endpoint('POST', '/api/v2/charge-stations/{id}/link'), {
          key: w.holders[r].key,
          params: { id: w.ownStation },
          body: { location_id: w.ownLocation },
        }),
    },
    {
      name: 'delete a station',
      allowed: ADMINS,
      okStatus: 204,
      run: async (w, r) => {
        const station = await makeStation(w.own);
        return callEndpoint(endpoint('DELETE', '/api/v2/charge-stations/{id}'), { key: w.holders[r].key, params: { id: station.id } });
      },
    },
    {
      name: 'create a tenant',
      allowed: ['cpo_admin'],
      okStatus: 201,
      run: (w, r) =>
        callEndpoint(endpoint('POST', '/api/v2/tenants'), {
          key: w.holders[r].key,
          params: {},
          body: { slug: `t-${r.replace('_', '-')}-${Date.now()}`, name: 'New', kind: 'B2B' },
        }),
    },
    {
      name: 'read the audit log',
      allowed: ROLES.filter((r) => r !== 'installer'),
      okStatus: 200,
      run: (w, r) => callEndpoint(endpoint('GET', '/api/v2/audit-events'), { key: w.holders[r].key, params: {} }),
    },
  ];
  return checks.flatMap((check) =>
    ROLES.map((role): MatrixCase => ({
      name: `own tenant: ${check.name} as ${role} → ${check.allowed.includes(role) ? check.okStatus : 403}`,
      run: async (w) => {
        const res = await check.run(w, role);
        expect(res.status).toBe(check.allowed.includes(role) ? check.okStatus : 403);
      },
    })),
  );
}
