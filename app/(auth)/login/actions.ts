'use server';

import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import { signIn } from '@/lib/auth/auth';
import { localPath } from '@/lib/http/local-path';

/** Signs in with e-mail + password; every failure lands back on /login with one generic message. */
export async function signInWithPassword(formData: FormData): Promise<void> {
  // The proxy sends an absolute callbackUrl; keep only its path so sign-in never redirects off-site.
  const callback = localPath(String(formData.get('callbackUrl') ?? ''));
  try {
    await signIn('credentials', {
      email: formData.get('email'),
      password: formData.get('password'),
      redirectTo: callback,
    });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code === 'rate_limited' ? 'rate_limited' : 'invalid';
      redirect(`/login?error=${code}&callbackUrl=${encodeURIComponent(callback)}`);
    }
    throw error; // NEXT_REDIRECT on success
  }
}
