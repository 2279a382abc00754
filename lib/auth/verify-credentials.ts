import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { users } from '@/lib/db/schema';
import { decoyPasswordHash, verifyPassword } from './password';
import { forgiveSignIn, takeSignInAttempt } from './sign-in-limiter';

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string }; locale: string | null }
  | { ok: false; reason: 'invalid' | 'rate_limited'; retryAfter?: number };

/**
 * Checks an e-mail + password pair. Unknown e-mail, wrong password and disabled user all answer
 * the same `invalid` after the same argon2 work, so nobody learns which accounts exist.
 */
export async function verifyCredentials(email: string, password: string, ip: string): Promise<SignInResult> {
  // Counted before the password is checked, so parallel guesses cannot slip past the limit.
  const retryAfter = await takeSignInAttempt(email, ip);
  if (retryAfter > 0) return { ok: false, reason: 'rate_limited', retryAfter };

  const [user] = await getDb()
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      passwordHash: users.passwordHash,
      disabled: users.disabled,
      locale: users.locale,
    })
    .from(users)
    .where(and(eq(sql`lower(${users.email})`, email.toLowerCase()), isNull(users.deletedAt)));

  const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!user || !passwordOk || user.disabled) return { ok: false, reason: 'invalid' };
  await forgiveSignIn(email, ip);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name }, locale: user.locale };
}
