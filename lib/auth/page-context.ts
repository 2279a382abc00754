import { redirect } from 'next/navigation';
import type { AuthContext } from './context';
import { sessionContext } from './request-context';

/** The signed-in user's context for a portal page or server action; signed out → /login. */
export async function requirePageContext(): Promise<AuthContext> {
  const ctx = await sessionContext();
  if (!ctx) redirect('/login');
  return ctx;
}
