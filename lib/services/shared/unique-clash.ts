import { AppError } from '@/lib/errors';

type PgError = { code?: string; constraint_name?: string; cause?: unknown };

/** The name of the unique constraint a database error violated, if it is one (23505). */
export function violatedUniqueConstraint(error: unknown): string | undefined {
  for (let e = error as PgError | undefined; e; e = e.cause as PgError | undefined) {
    if (e.code === '23505') return e.constraint_name;
  }
  return undefined;
}

/** The 409 for a unique clash, naming the live row the caller collided with. */
export const conflict = (detail: string, existingId: string) => new AppError('conflict', detail, { existingId });
