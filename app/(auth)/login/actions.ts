'use server';

import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import { signIn } from '@/lib/auth/auth';

/** Signs in with e-mail + password; every failure lands back on /login with one generic message. */
export async function signInWithPassword(formData: FormData): Promise<void> {
  // The proxy sends an absolute callbackUrl; keep only its path so sign-in never redirects off-site.
  const callback = new URL(String(formData.get('callbackUrl') || '/'), 'http://localhost');
  try {
    await signIn('credentials', {
      email: formData.get('email'),
      password: formData.get('password'),
      redirectTo: `${callback.pathname}${callback.search}`,
    });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code === 'rate_limited' ? 'rate_limited' : 'invalid';
      redirect(`/login?error=${code}&callbackUrl=${encodeURIComponent(callback.pathname + callback.search)}`);
    }
    throw error; // NEXT_REDIRECT on success
  }
}
