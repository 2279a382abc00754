import type { NextAuthConfig } from 'next-auth';

/** The part of the Auth.js config the proxy can load: no database, no providers. */
export const authConfig = {
  pages: { signIn: '/login' },
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  trustHost: true,
  // Session cookies are HttpOnly and SameSite=Lax (Auth.js defaults, kept), and Secure with the
  // __Secure- prefix when the request came over https. Auth.js tells https from X-Forwarded-Proto,
  // which scripts/serve.ts lets through only from a trusted proxy (TRUST_PROXY).
  providers: [],
  callbacks: {
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
} satisfies NextAuthConfig;
