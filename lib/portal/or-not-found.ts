import { notFound } from 'next/navigation';
import type { AuthContext } from '@/lib/auth/context';
import { requirePageContext } from '@/lib/auth/page-context';
import { AppError } from '@/lib/errors';

/**
 * Loads a detail page's object; missing and out-of-scope answer the same HTTP 404 page. Call it
 * before anything streams, or Next.js has already sent 200.
 */
export async function orNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
}

/** The signed-in user's context and the object named by the page's `[id]`, through its get verb (as orNotFound). */
export async function loadDetailPage<T>(params: Promise<{ id: string }>, get: (input: { ctx: AuthContext; id: string }) => Promise<T>) {
  const [ctx, { id }] = await Promise.all([requirePageContext(), params]);
  return { ctx, object: await orNotFound(() => get({ ctx, id })) };
}
