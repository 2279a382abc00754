import { afterAll, beforeAll, describe, it, vi } from 'vitest';
import { apiCases } from './api-cases';
import { buildWorld, type World } from './world';

vi.mock('next/headers', () => import('@/test/portal/next-request').then((m) => m.nextHeadersModule));
vi.mock('next/cache', () => import('@/test/portal/next-request').then((m) => m.nextCacheModule));

// Generated: every API operation, server action and portal loader × the 6 roles × own tenant /
// other tenant / pool, each answer searched for the other tenant's markers and ids.
const cases = [...apiCases()];

let world: World;
beforeAll(async () => {
  world = await buildWorld();
}, 120_000);

afterAll(() => {
  console.log(`isolation matrix: ${cases.length} generated cases`);
});

describe('isolation matrix', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    await c.run(world);
  });
});
