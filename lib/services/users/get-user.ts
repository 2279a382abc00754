import type { AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import type { User } from '@/lib/schemas/user';
import { forCaller, getUserOrThrow, toUser } from './user-record';

/** GET /api/v2/users/{id}: 404 when missing, deleted or outside the caller's scope. */
export async function getUser({ ctx, id }: { ctx: AuthContext; id: string }): Promise<User> {
  return forCaller(ctx, toUser(await getUserOrThrow(getDb(), ctx, id)));
}
