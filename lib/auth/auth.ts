import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { authConfig } from './auth.config';
import { rememberLocale } from '@/lib/i18n/locale-cookie';
import { verifyCredentials } from './verify-credentials';

class RateLimitedSignIn extends CredentialsSignin {
  code = 'rate_limited';
}

const credentialsSchema = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) });

/** scripts/serve.ts sets X-Forwarded-For to the socket address unless TRUST_PROXY is on. */
const clientIp = (request: Request) => request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim() || 'unknown';

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const result = await verifyCredentials(parsed.data.email, parsed.data.password, clientIp(request));
        if (result.ok) {
          await rememberLocale(result.locale);
          return result.user;
        }
        if (result.reason === 'rate_limited') throw new RateLimitedSignIn();
        return null;
      },
    }),
  ],
  // A wrong password is an expected event, not a server error worth a stack trace.
  logger: {
    error(error) {
      if (error.name === 'CredentialsSignin' || (error as { type?: string }).type === 'CredentialsSignin') return;
      console.error(error);
    },
  },
});
