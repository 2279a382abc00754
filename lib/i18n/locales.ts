import { PORTAL_LOCALES } from '@/lib/domain/vocabulary';

export type PortalLocale = (typeof PORTAL_LOCALES)[number];
export const DEFAULT_LOCALE: PortalLocale = 'en';

/** The cookie that carries the user's language choice (set on switching and on sign-in from the saved choice). */
export const LOCALE_COOKIE = 'clm_locale';

export function isPortalLocale(value: unknown): value is PortalLocale {
  return typeof value === 'string' && (PORTAL_LOCALES as readonly string[]).includes(value);
}

/**
 * The best portal language for an `Accept-Language` header: the highest-weighted entry whose
 * primary subtag is one we speak (`nl-BE` → nl), else English.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): PortalLocale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { language: tag.trim().toLowerCase().split('-')[0], weight: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked.map((entry) => entry.language).find(isPortalLocale) ?? DEFAULT_LOCALE;
}
