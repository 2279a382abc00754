import type { PortalLocale } from '../locales';
import enAdmin from './en/admin.json';
import enCommon from './en/common.json';
import enDashboard from './en/dashboard.json';
import enErrors from './en/errors.json';
import enForms from './en/forms.json';
import enInstaller from './en/installer.json';
import enLocations from './en/locations.json';
import enStations from './en/stations.json';
import enTables from './en/tables.json';
import nlAdmin from './nl/admin.json';
import nlCommon from './nl/common.json';
import nlDashboard from './nl/dashboard.json';
import nlErrors from './nl/errors.json';
import nlForms from './nl/forms.json';
import nlInstaller from './nl/installer.json';
import nlLocations from './nl/locations.json';
import nlStations from './nl/stations.json';
import nlTables from './nl/tables.json';

/** Each language's areas: one JSON file per area and language, so areas are translated separately. */
export const MESSAGE_AREAS = {
  en: {
    common: enCommon,
    errors: enErrors,
    forms: enForms,
    tables: enTables,
    admin: enAdmin,
    stations: enStations,
    installer: enInstaller,
    dashboard: enDashboard,
    locations: enLocations,
  },
  nl: {
    common: nlCommon,
    errors: nlErrors,
    forms: nlForms,
    tables: nlTables,
    admin: nlAdmin,
    stations: nlStations,
    installer: nlInstaller,
    dashboard: nlDashboard,
    locations: nlLocations,
  },
};

/**
 * Every UI string, per language. lib/i18n/messages.test.ts fails when a key exists in one
 * language only, or when two areas define the same namespace (one would hide the other).
 */
export const MESSAGES = {
  en: { ...enCommon, ...enErrors, ...enForms, ...enTables, ...enAdmin, ...enStations, ...enInstaller, ...enDashboard, ...enLocations },
  nl: { ...nlCommon, ...nlErrors, ...nlForms, ...nlTables, ...nlAdmin, ...nlStations, ...nlInstaller, ...nlDashboard, ...nlLocations },
} satisfies Record<PortalLocale, Record<string, unknown>>;

/** The English messages' shape: next-intl checks every `t('…')` key against it (global.d.ts). */
export type Messages = (typeof MESSAGES)['en'];
