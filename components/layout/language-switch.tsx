'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { PORTAL_LOCALES } from '@/lib/domain/vocabulary';

type Locale = (typeof PORTAL_LOCALES)[number];

type Props = {
  action: (form: FormData) => Promise<void>;
  current: Locale;
  /** Worded by the server (the group's name, each language in its own words), so no message formatter ships. */
  words: { label: string; names: Record<Locale, string> };
};

/** The header's language buttons: each named in its own language, the current one pressed. */
export function LanguageSwitch({ action, current, words }: Props) {
  const pathname = usePathname();
  const query = useSearchParams().toString();
  return (
    <form action={action} className="flex items-center gap-1 text-sm" aria-label={words.label} role="group">
      <input type="hidden" name="return_to" value={query ? `${pathname}?${query}` : pathname} />
      {PORTAL_LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={locale === current}
          className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100 aria-pressed:border-brand-700 aria-pressed:bg-brand-50 aria-pressed:font-semibold aria-pressed:text-brand-700"
        >
          {words.names[locale]}
        </button>
      ))}
    </form>
  );
}
