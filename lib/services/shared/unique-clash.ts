import { AppError } from '@/lib/errors';

type PgError = { code?: string; constraint_name?: string; cause?: unknown };

/** The name of the unique constraint a database error violated, if it is one (23505). */
export function violatedUniqueConstraint(error: unknown): string | undefined {
  for (let e = error as PgError | undefined; e; e = e.cause as PgError | undefined) {
    if (e.code === '23505') return e.constraint_name;
  }
  return undefined;
}

/**
 * The 409 for a unique clash, naming the live row the caller collided with — only when the caller
 * may see it: a value unique in the whole deployment (ocpp_id, e-mail) may belong to another
 * tenant, whose row must stay unnamed.
 */
export const conflict = (detail: string, existingId: string | undefined) =>
  new AppError('conflict', detail, existingId ? { existingId } : {});

/**
 * A concurrent request may take the same unique value between our check and our write; then the
 * index fires and the transaction fails. This turns that into the 409 the check would have given,
 * naming the row that won (`findExisting` runs after the failed transaction, outside it).
 */
export async function asUniqueClash(
  error: unknown,
  constraint: string,
  findExisting: () => Promise<string | undefined>,
  detail: string,
): Promise<unknown> {
  if (violatedUniqueConstraint(error) !== constraint) return error;
  const existingId = await findExisting();
  return existingId ? conflict(detail, existingId) : error;
}
