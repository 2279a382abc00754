import type { AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import type { ApiKey } from '@/lib/schemas/api-key';
import { getApiKeyOrThrow, toApiKey } from './api-key-record';

/** GET /api/v2/api-keys/{id}: 404 when missing or outside the caller's scope; revoked keys are shown. */
export async function getApiKey({ ctx, id }: { ctx: AuthContext; id: string }): Promise<ApiKey> {
  return toApiKey(await getApiKeyOrThrow(getDb(), ctx, id));
}
