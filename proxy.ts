import NextAuth from 'next-auth';
import { authConfig } from '@/lib/auth/auth.config';

// Page gate: signed-out visitors of portal pages go to /login. Not the security boundary — every
// page, action and API handler resolves its own AuthContext.
const { auth } = NextAuth(authConfig);
export default auth;

export const config = {
  matcher: ['/((?!api/|docs|login|_next/static|_next/image|favicon.ico).*)'],
};
