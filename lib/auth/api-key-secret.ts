import { createHash, randomBytes } from 'node:crypto';

/** Shown so people can tell keys apart; also the first characters of the bootstrap key. */
export const API_KEY_PREFIX_LENGTH = 8;

/**
 * API key secrets are long random strings, so a fast SHA-256 is enough to store them safely and
 * still look a key up on every request (argon2 would cost ~50 ms per call).
 *
 * Timing: a presented key is never compared with a stored secret. Its hash is the lookup key of
 * one indexed query (lib/auth/load-context.ts), so how long the lookup takes depends on the hash,
 * which a caller cannot steer towards a stored one without knowing its secret; nothing in JS
 * compares secrets, so there is nothing for crypto.timingSafeEqual to do. The same query checks
 * revoked_at and expires_at on every request (no cache), so a revocation holds from the next one.
 */
export const hashApiKeySecret = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

export function generateApiKeySecret(): string {
  return `clm_${randomBytes(30).toString('base64url')}`;
}

export const apiKeyPrefix = (secret: string): string => secret.slice(0, API_KEY_PREFIX_LENGTH);
