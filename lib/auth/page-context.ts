import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { can, type AuthContext } from './context';
import type { Permission } from './permissions';
import { sessionContext } from './request-context';

/** The signed-in user's context for a portal page or server action; signed out → /login. */
export async function requirePageContext(): Promise<AuthContext> {
  const ctx = await sessionContext();
  if (!ctx) redirect('/login');
  return ctx;
}

/**
 * The context for a page only holders of `permission` (or of one of a list, somewhere) may open;
 * others get the same 404 as a missing page. Call it from a layout above the page's loading.tsx,
 * or the status is already 200 when the page decides.
 */
export async function requirePagePermission(permission: Permission | readonly Permission[]): Promise<AuthContext> {
  const ctx = await requirePageContext();
  if (![permission].flat().some((p) => can(ctx, p))) notFound();
  return ctx;
}
