import { vi } from 'vitest';
import { runMatrixPart } from './run-matrix';

vi.mock('next/headers', () => import('@/test/portal/next-request').then((m) => m.nextHeadersModule));
vi.mock('next/cache', () => import('@/test/portal/next-request').then((m) => m.nextCacheModule));

runMatrixPart('API lists, exports, search, audit queries');
