import type { PortalLocale } from './locales';
import type { Messages } from './messages';

// Typed keys: a `t('…')` with a key missing from the English messages fails the typecheck.
declare module 'next-intl' {
  interface AppConfig {
    Locale: PortalLocale;
    Messages: Messages;
  }
}
