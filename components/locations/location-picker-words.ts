import type { Messages } from '@/lib/i18n/messages';

type Key = keyof Messages['LocationPicker'];

/** The location picker's words, as its server or client parent translates them (the picker ships no formatter). */
export type LocationPickerWords = Record<Exclude<Key, 'matches'>, string> & { matches: string };

/** Words for the picker from the `LocationPicker` messages; `{count}` and `{label}` stay for the picker to fill. */
export function locationPickerWords(t: (key: Key, values?: Record<string, string>) => string): LocationPickerWords {
  return {
    clear: t('clear'),
    placeholder: t('placeholder'),
    foundOne: t('foundOne', { count: '{count}' }),
    foundOther: t('foundOther', { count: '{count}' }),
    failed: t('failed'),
    matches: t('matches', { label: '{label}' }),
    none: t('none'),
  };
}
