import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { actionCases } from './action-cases';
import { apiCases } from './api-cases';
import { ownTenantCases } from './own-tenant-cases';
import { pageCases } from './page-cases';
import { buildWorld, theirRowsFingerprint, type World } from './world';

vi.mock('next/headers', () => import('@/test/portal/next-request').then((m) => m.nextHeadersModule));
vi.mock('next/cache', () => import('@/test/portal/next-request').then((m) => m.nextCacheModule));

// Generated: every API operation, server action and portal loader × the 6 roles × own tenant /
// other tenant / pool; every answer is searched for the other tenant's markers and ids.
const cases = [...apiCases(), ...actionCases(), ...pageCases(), ...ownTenantCases()];

let world: World;
let fingerprint: string;
beforeAll(async () => {
  world = await buildWorld();
  fingerprint = await theirRowsFingerprint(world);
}, 120_000);

afterAll(() => {
  const by = (prefix: string) => cases.filter((c) => c.name.startsWith(prefix)).length;
  console.log(
    `isolation matrix: ${cases.length} generated cases (API ${by('api:')}, server actions ${by('action:')}, pages ${by('page:')}, own-tenant permissions ${by('own tenant:')})`,
  );
});

describe('isolation matrix', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    await c.run(world);
  });

  it('left every row of the other tenant and the pool as it was', async () => {
    expect(await theirRowsFingerprint(world)).toBe(fingerprint);
  });
});
