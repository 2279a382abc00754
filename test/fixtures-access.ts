import type { AuthContext } from '@/lib/auth/context';
import { contextForUser } from '@/lib/auth/load-context';
import { getDb } from '@/lib/db/client';
import { memberships } from '@/lib/db/schema';
import { makeUser } from './fixtures';

/** A user holding a different role per tenant, e.g. customer_admin in one and viewer in another. */
export async function mixedUser(grants: { tenantId: string; role: string }[]) {
  const user = await makeUser(grants[0]!.role, [grants[0]!.tenantId]);
  const rest = grants.slice(1);
  if (rest.length) {
    await getDb()
      .insert(memberships)
      .values(rest.map((g) => ({ userId: user.id, tenantId: g.tenantId, roleId: g.role })));
  }
  return user;
}

export async function mixedContext(grants: { tenantId: string; role: string }[]): Promise<AuthContext> {
  const user = await mixedUser(grants);
  return (await contextForUser(getDb(), user.id))!;
}

export const actorId = (ctx: AuthContext) => (ctx.actor as { id: string }).id;
