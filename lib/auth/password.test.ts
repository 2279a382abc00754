import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('stores argon2id with 19 MiB, 2 passes, 1 lane and a random salt', async () => {
    const [first, second] = await Promise.all([hashPassword('correct-horse-battery'), hashPassword('correct-horse-battery')]);
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword(first, 'correct-horse-battery')).toBe(true);
    expect(await verifyPassword(first, 'correct-horse-batterY')).toBe(false);
    expect(await verifyPassword('not a hash', 'correct-horse-battery')).toBe(false);
  });
});
