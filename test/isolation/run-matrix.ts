import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionCases } from './action-cases';
import { apiListCases, apiObjectCases, type MatrixCase } from './api-cases';
import { ownTenantCases } from './own-tenant-cases';
import { pageCases } from './page-cases';
import { buildWorld, theirRowsFingerprint, type World } from './world';

/**
 * The isolation matrix, generated from the endpoint list, the server actions and the portal
 * loaders × the 6 roles × own tenant / other tenant / pool, in parts that run in parallel (one
 * test file each, each with its own world). Every answer is searched for the other tenant's
 * markers and ids.
 */
export const MATRIX_PARTS = {
  'API operations on one object, cursors, forged ids': apiObjectCases,
  'API lists, exports, search, audit queries': apiListCases,
  'server actions, portal pages, own-tenant permissions': () => [...actionCases(), ...pageCases(), ...ownTenantCases()],
} satisfies Record<string, () => MatrixCase[]>;

export type MatrixPart = keyof typeof MATRIX_PARTS;

/** Declares one part's tests. The test file itself must mock next/headers and next/cache (see test/portal/next-request.ts). */
export function runMatrixPart(part: MatrixPart) {
  const cases = MATRIX_PARTS[part]();
  let world: World;
  let fingerprint: string;
  beforeAll(async () => {
    world = await buildWorld();
    fingerprint = await theirRowsFingerprint(world);
  }, 120_000);

  afterAll(() => {
    const total = Object.values(MATRIX_PARTS).reduce((sum, make) => sum + make().length, 0);
    console.log(`isolation matrix: ${cases.length} cases in “${part}”; ${total} generated cases in the whole matrix`);
  });

  describe(`isolation matrix: ${part}`, () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
      await c.run(world);
    });

    it('left every row of the other tenant and the pool as it was', async () => {
      expect(await theirRowsFingerprint(world)).toBe(fingerprint);
    });
  });
}
