import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { LOCALE_COOKIE, isPortalLocale, negotiateLocale, type PortalLocale } from './locales';
import { MESSAGES } from './messages';

/** The language of this request: the user's choice (its cookie), else the browser's Accept-Language. */
export async function requestLocale(): Promise<PortalLocale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isPortalLocale(chosen)) return chosen;
  return negotiateLocale((await headers()).get('accept-language'));
}

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return {
    locale,
    messages: MESSAGES[locale],
    // The portal shows times in UTC (see lib/format.ts); next-intl's own date formatting agrees.
    timeZone: 'UTC',
  };
});
