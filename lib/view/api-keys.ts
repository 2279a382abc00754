import type { ApiKey } from '@/lib/schemas/api-key';

export type KeyStatus = 'Active' | 'Expired' | 'Revoked';

/** Whether a key still works, as the API would answer it at `now`. */
export function keyStatus(key: Pick<ApiKey, 'revoked_at' | 'expires_at'>, now: Date): KeyStatus {
  if (key.revoked_at) return 'Revoked';
  if (key.expires_at && Date.parse(key.expires_at) <= now.getTime()) return 'Expired';
  return 'Active';
}

/** The keys of a page with their status at render time (the server's clock, not the browser's). */
export function withStatus<K extends Pick<ApiKey, 'revoked_at' | 'expires_at'>>(
  keys: K[],
  now = new Date(),
): (K & { status: KeyStatus })[] {
  return keys.map((key) => ({ ...key, status: keyStatus(key, now) }));
}
