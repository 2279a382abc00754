import type { Metadata } from 'next';
import { SubmitButton } from '@/components/forms/submit-button';
import { signInWithPassword } from './actions';

export const metadata: Metadata = { title: 'Sign in' };

const MESSAGES: Record<string, string> = {
  invalid: 'The e-mail address or password is not correct.',
  rate_limited: 'Too many failed attempts. Wait a few minutes and try again.',
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { error, callbackUrl } = await searchParams;
  const message = error ? (MESSAGES[error] ?? MESSAGES.invalid) : undefined;
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <form action={signInWithPassword} className="w-full max-w-sm space-y-4 rounded-lg bg-white p-6 shadow">
        <h1 className="text-xl font-semibold">Charge Location Management</h1>
        <p className="text-sm text-slate-600">Sign in to manage your locations and charge stations.</p>
        {message && (
          <p data-testid="login-error" role="status" className="rounded border border-red-200 bg-red-50 p-2 text-sm text-red-800">
            {message}
          </p>
        )}
        <input type="hidden" name="callbackUrl" value={callbackUrl ?? '/'} />
        <div className="space-y-1">
          <label htmlFor="email" className="block text-sm font-medium">
            Email
          </label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            className="w-full rounded border border-slate-300 px-3 py-2"
          />
        </div>
        <div className="space-y-1">
          <label htmlFor="password" className="block text-sm font-medium">
            Password
          </label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            className="w-full rounded border border-slate-300 px-3 py-2"
          />
        </div>
        <SubmitButton pendingLabel="Signing in…" className="w-full">
          Sign in
        </SubmitButton>
      </form>
    </main>
  );
}
