import type { PORTAL_LOCALES } from '@/lib/domain/vocabulary';

type PortalLocale = (typeof PORTAL_LOCALES)[number];
const DEFAULT_LOCALE: PortalLocale = 'en';

/** The Intl locale each portal language formats with (en-GB: day before month, 24-hour clock, as in NL/BE). */
const INTL_LOCALE: Record<PortalLocale, string> = { en: 'en-GB', nl: 'nl-NL' };

const timestampFormats = new Map<PortalLocale, Intl.DateTimeFormat>();
const numberFormats = new Map<PortalLocale, Intl.NumberFormat>();

/**
 * A timestamp as the portal shows it everywhere, in the user's language and in UTC (stations
 * report UTC and a CPO's network spans time zones): `25 Nov 2026, 14:05` / `25 nov 2026 14:05`.
 */
export function formatTimestamp(value: string | Date | null | undefined, locale: PortalLocale = DEFAULT_LOCALE, empty = '—'): string {
  if (!value) return empty;
  let format = timestampFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'UTC',
    });
    timestampFormats.set(locale, format);
  }
  return format.format(typeof value === 'string' ? new Date(value) : value);
}

/** A count or measure in the user's language: `12,345.5` / `12.345,5`. */
export function formatNumber(value: number, locale: PortalLocale = DEFAULT_LOCALE): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 2 });
    numberFormats.set(locale, format);
  }
  return format.format(value);
}
