import { notFound } from 'next/navigation';
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
