'use client';

import { useSyncExternalStore } from 'react';
import en from '@/lib/i18n/messages/en/errors.json';
import nl from '@/lib/i18n/messages/nl/errors.json';

const WORDS = { en: en.Errors, nl: nl.Errors };
const subscribe = () => () => {};

/**
 * What an error boundary shows for any failure of a page, a database that is briefly unreachable included: nothing was
 * changed, and no detail of the failure is shown; the digest matches the server log. It sits above
 * every page, so it reads its few words straight from the messages in the page's language
 * (`<html lang>`) rather than shipping a message formatter to every page.
 */
export function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const lang = useSyncExternalStore(
    subscribe,
    () => document.documentElement.lang,
    () => 'en',
  );
  const t = WORDS[lang === 'nl' ? 'nl' : 'en'];
  return (
    <div role="alert" className="mx-auto max-w-md space-y-3 p-8 text-center">
      <h1 className="text-2xl font-semibold">{t.unavailableTitle}</h1>
      <p className="text-slate-600">{t.unavailableText}</p>
      {error.digest && <p className="font-mono text-sm text-slate-500">{error.digest}</p>}
      <button type="button" onClick={reset} className="rounded bg-brand-700 px-4 py-2 text-white">
        {t.tryAgain}
      </button>
    </div>
  );
}
