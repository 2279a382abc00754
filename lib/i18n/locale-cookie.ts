import 'server-only';
import { cookies } from 'next/headers';
import { LOCALE_COOKIE, isPortalLocale } from './locales';

const ONE_YEAR_S = 365 * 24 * 3600;

/**
 * Makes the browser speak the user's saved language from now on (called on sign-in and when the
 * user switches); no saved choice clears it, so a shared browser follows Accept-Language again.
 */
export async function rememberLocale(locale: string | null): Promise<void> {
  const jar = await cookies();
  if (isPortalLocale(locale)) jar.set(LOCALE_COOKIE, locale, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: ONE_YEAR_S });
  else jar.delete(LOCALE_COOKIE);
}
