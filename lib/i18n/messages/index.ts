import type { PortalLocale } from '../locales';
import enCommon from './en/common.json';
import nlCommon from './nl/common.json';
import enTables from './en/tables.json';
import nlTables from './nl/tables.json';

/**
 * Every UI string, per language and per area (one JSON file per area and language, so areas can
 * be translated separately). lib/i18n/messages.test.ts fails when a key exists in one language only.
 */
export const MESSAGES = {
  en: { ...enCommon, ...enTables },
  nl: { ...nlCommon, ...nlTables },
} satisfies Record<PortalLocale, Record<string, unknown>>;

/** The English messages' shape: next-intl checks every `t('…')` key against it (global.d.ts). */
export type Messages = (typeof MESSAGES)['en'];
