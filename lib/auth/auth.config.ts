import type { NextAuthConfig } from 'next-auth';

/** The part of the Auth.js config the proxy can load: no database, no providers. */
export const authConfig = {
  pages: { signIn: '/login' },
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  trustHost: true,
  providers: [],
  callbacks: {
    // Page gate only; every page, action and route handler resolves its own AuthContext.
    authorized({ auth }) {
      return Boolean(auth?.user);
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
} satisfies NextAuthConfig;
