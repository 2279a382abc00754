import type { Metadata } from 'next';
import { LabeledControl } from '@/components/forms/labeled-control';
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
        <Credential name="email" label="Email" autoComplete="username" />
        <Credential name="password" label="Password" autoComplete="current-password" />
        <SubmitButton pendingLabel="Signing in…" className="w-full">
          Sign in
        </SubmitButton>
      </form>
    </main>
  );
}

/** One sign-in field; the input type is its name. */
function Credential({ name, label, autoComplete }: { name: 'email' | 'password'; label: string; autoComplete: string }) {
  return (
    <LabeledControl id={name} label={label} className="space-y-1">
      <input
        id={name}
        name={name}
        type={name}
        autoComplete={autoComplete}
        required
        className="w-full rounded border border-slate-300 px-3 py-2"
      />
    </LabeledControl>
  );
}
