import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { LabeledControl } from '@/components/forms/labeled-control';
import { LanguageChoice } from '@/components/layout/language-choice';
import { chooseLanguage } from '@/lib/actions/choose-language';
import { SubmitButton } from '@/components/forms/submit-button';
import { signInWithPassword } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Login'))('title') };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { error, callbackUrl } = await searchParams;
  const t = await getTranslations('Login');
  const message = error ? t(error === 'rate_limited' ? 'rateLimited' : 'invalid') : undefined;
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-4 p-4">
      <form action={signInWithPassword} className="w-full max-w-sm space-y-4 rounded-lg bg-white p-6 shadow">
        <h1 className="text-xl font-semibold">{t('heading')}</h1>
        <p className="text-sm text-slate-600">{t('intro')}</p>
        {message && (
          <p data-testid="login-error" role="status" className="rounded border border-red-200 bg-red-50 p-2 text-sm text-red-800">
            {message}
          </p>
        )}
        <input type="hidden" name="callbackUrl" value={callbackUrl ?? '/'} />
        <Credential name="email" label={t('email')} autoComplete="username" />
        <Credential name="password" label={t('password')} autoComplete="current-password" />
        <SubmitButton pendingLabel={t('submitting')} className="w-full">
          {t('submit')}
        </SubmitButton>
      </form>
      {/* After the sign-in form: scripts that sign in without JavaScript post the page's first form. */}
      <LanguageChoice action={chooseLanguage} />
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
