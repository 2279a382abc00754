import { createHash, randomBytes } from 'node:crypto';

/** Shown so people can tell keys apart; also the first characters of the bootstrap key. */
export const API_KEY_PREFIX_LENGTH = 8;

/**
 * API key secrets are long random strings, so a fast SHA-256 is enough to store them safely and
 * still look a key up on every request (argon2 would cost ~50 ms per call).
 */
export const hashApiKeySecret = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

export function generateApiKeySecret(): string {
  return `clm_${randomBytes(30).toString('base64url')}`;
}

export const apiKeyPrefix = (secret: string): string => secret.slice(0, API_KEY_PREFIX_LENGTH);
