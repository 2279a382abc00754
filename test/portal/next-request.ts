import { AsyncLocalStorage } from 'node:async_hooks';
import { encode } from 'next-auth/jwt';

/**
 * A stand-in for the Next.js request a server action or page runs in, for tests that call them
 * directly: `next/headers` answers with the request of the signed-in user (a real Auth.js session
 * cookie, decoded by the real `auth()`), `next/cache` records what was revalidated. Everything
 * below that — session lookup, AuthContext, zod, verbs, Postgres — is the product's own code.
 *
 * A test file wires it with
 *   vi.mock('next/headers', () => import('@/test/portal/next-request').then((m) => m.nextHeadersModule));
 *   vi.mock('next/cache', () => import('@/test/portal/next-request').then((m) => m.nextCacheModule));
 */
type PortalRequest = { headers: Headers; cookies: Map<string, string>; revalidated: string[] };

const requests = new AsyncLocalStorage<PortalRequest>();

const SESSION_COOKIE = 'authjs.session-token';

function current(): PortalRequest {
  const request = requests.getStore();
  if (!request) throw new Error('called outside signedIn(): no portal request');
  return request;
}

const cookieJar = (request: PortalRequest) => ({
  get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
  has: (name: string) => request.cookies.has(name),
  getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
  set: (name: string, value: string) => void request.cookies.set(name, value),
  delete: (name: string) => void request.cookies.delete(name),
});

export const nextHeadersModule = {
  headers: async () => current().headers,
  cookies: async () => cookieJar(current()),
  draftMode: async () => ({ isEnabled: false }),
};

export const nextCacheModule = {
  revalidatePath: (path: string) => void current().revalidated.push(path),
  revalidateTag: (tag: string) => void current().revalidated.push(`tag:${tag}`),
  refresh: () => {},
};

/** A session cookie as Auth.js sets it at sign-in (JWT strategy, encrypted with AUTH_SECRET). */
async function sessionCookie(userId: string): Promise<string> {
  return encode({ token: { sub: userId }, secret: process.env.AUTH_SECRET!, salt: SESSION_COOKIE, maxAge: 3600 });
}

/** Runs `fn` inside a portal request of `userId` (null: signed out), optionally with the tenant switcher set. */
export async function signedIn<T>(userId: string | null, fn: () => Promise<T>, options: { focusTenantId?: string } = {}) {
  const cookies = new Map<string, string>();
  if (userId) cookies.set(SESSION_COOKIE, await sessionCookie(userId));
  if (options.focusTenantId) {
    // Imported here: request-context imports next/headers, which is this module (a static import would be a cycle).
    const { FOCUS_TENANT_COOKIE } = await import('@/lib/auth/request-context');
    cookies.set(FOCUS_TENANT_COOKIE, options.focusTenantId);
  }
  const cookieHeader = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const request: PortalRequest = {
    headers: new Headers({ host: 'localhost:3000', 'x-forwarded-proto': 'http', cookie: cookieHeader }),
    cookies,
    revalidated: [],
  };
  const result = await requests.run(request, fn);
  return { result, revalidated: request.revalidated };
}

/** What Next.js makes of a thrown redirect()/notFound(): the digest says which. */
export type NavigationOutcome = { redirect: string } | { notFound: true };

export function navigationOutcome(error: unknown): NavigationOutcome | null {
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (typeof digest !== 'string') return null;
  if (digest.startsWith('NEXT_REDIRECT')) return { redirect: digest.split(';')[2]! };
  if (digest === 'NEXT_HTTP_ERROR_FALLBACK;404') return { notFound: true };
  return null;
}
