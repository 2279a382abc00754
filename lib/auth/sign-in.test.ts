import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/client';
import { users } from '@/lib/db/schema';
import { makeUser } from '@/test/fixtures';
import { verifyCredentials } from './verify-credentials';

describe('verifyCredentials', () => {
  it('accepts the right password case-insensitively on the e-mail', async () => {
    const user = await makeUser('viewer', [], { password: 'correct-horse-battery' });
    const result = await verifyCredentials(user.email.toUpperCase(), 'correct-horse-battery', '10.0.0.1');
    expect(result).toEqual({ ok: true, user: { id: user.id, email: user.email, name: user.name }, locale: null });
  });

  it('brings the language the user chose, for the sign-in to set on this browser', async () => {
    const user = await makeUser('viewer', [], { password: 'correct-horse-battery' });
    await getDb().update(users).set({ locale: 'nl' }).where(eq(users.id, user.id));
    const result = await verifyCredentials(user.email, 'correct-horse-battery', '10.0.0.3');
    expect(result).toMatchObject({ ok: true, locale: 'nl' });
  });

  it('answers the same `invalid` for a wrong password, an unknown e-mail and a disabled user', async () => {
    const user = await makeUser('viewer', [], { password: 'correct-horse-battery' });
    const disabled = await makeUser('viewer', [], { password: 'correct-horse-battery', disabled: true });
    expect(await verifyCredentials(user.email, 'wrong-password-here', '10.0.0.2')).toEqual({ ok: false, reason: 'invalid' });
    expect(await verifyCredentials('nobody@example.test', 'correct-horse-battery', '10.0.0.2')).toEqual({ ok: false, reason: 'invalid' });
    expect(await verifyCredentials(disabled.email, 'correct-horse-battery', '10.0.0.2')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('blocks an account after 10 failures in 15 minutes, even with the right password', async () => {
    const user = await makeUser('viewer', [], { password: 'correct-horse-battery' });
    for (let i = 0; i < 10; i++) await verifyCredentials(user.email, `wrong-${i}-password`, `10.1.0.${i}`);
    const blocked = await verifyCredentials(user.email, 'correct-horse-battery', '10.1.1.1');
    expect(blocked).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect((blocked as { retryAfter: number }).retryAfter).toBeGreaterThan(0);
  });
});
