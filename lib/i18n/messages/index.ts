import type { PortalLocale } from '../locales';
import enCommon from './en/common.json';
import enInstaller from './en/installer.json';
import enStations from './en/stations.json';
import nlCommon from './nl/common.json';
import nlInstaller from './nl/installer.json';
import nlStations from './nl/stations.json';

/**
 * Every UI string, per language and per area (one JSON file per area and language, so areas can
 * be translated separately). lib/i18n/messages.test.ts fails when a key exists in one language only.
 */
export const MESSAGES = {
  en: { ...enCommon, ...enStations, ...enInstaller },
  nl: { ...nlCommon, ...nlStations, ...nlInstaller },
} satisfies Record<PortalLocale, Record<string, unknown>>;

/** The English messages' shape: next-intl checks every `t('…')` key against it (global.d.ts). */
export type Messages = (typeof MESSAGES)['en'];
