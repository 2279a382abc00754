import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/lib/db/client';
import { isUuid } from '@/lib/domain/ids';
import { AppError } from '@/lib/errors';
import { auth } from './auth';
import { mayFocus, type AuthContext } from './context';
import { cachedApiKeyContext } from './api-key-cache';
import { contextForUser } from './load-context';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * The caller of an API request: a Bearer API key, else the portal session cookie (same checks).
 * Missing, invalid, revoked or expired credentials → 401.
 */
export async function contextFromRequest(request: Request, requestId: string): Promise<AuthContext> {
  const header = request.headers.get('authorization');
  if (header) {
    const secret = BEARER.exec(header)?.[1];
    const ctx = secret ? await cachedApiKeyContext(secret) : null;
    if (!ctx) throw new AppError('unauthorized', 'The API key is missing, invalid, revoked or expired.');
    return { ...ctx, requestId };
  }
  const ctx = await sessionContext();
  if (!ctx) throw new AppError('unauthorized', 'Send `Authorization: Bearer <api key>` or sign in.');
  return { ...ctx, requestId };
}

/** The cookie that remembers the portal's tenant switcher choice (a tenant id). */
export const FOCUS_TENANT_COOKIE = 'clm_tenant';

/**
 * The signed-in portal user's context (once per request), or null when signed out or disabled;
 * narrowed to the tenant chosen in the switcher when that tenant is still in the user's scope.
 */
export const sessionContext = cache(async (): Promise<AuthContext | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const ctx = await contextForUser(getDb(), userId);
  if (!ctx) return null;
  const focus = (await cookies()).get(FOCUS_TENANT_COOKIE)?.value;
  return focus && isUuid(focus) && mayFocus(ctx, focus) ? { ...ctx, focusTenantId: focus } : ctx;
});
