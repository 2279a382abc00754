import type { getTranslations } from 'next-intl/server';
import type { z } from 'zod';
import type { IssueWords } from '@/lib/schemas/parse';
import type { PortalLocale } from './locales';

type ValidationT = Awaited<ReturnType<typeof getTranslations<'Validation'>>>;

const FORMAT_KEYS: Record<string, 'email' | 'uuid' | 'datetime' | 'date' | 'url'> = {
  email: 'email',
  uuid: 'uuid',
  datetime: 'datetime',
  date: 'date',
  url: 'url',
};

/**
 * A form field's error in the user's language, from the same zod issue the API reports. Words a
 * schema wrote itself (refinements, patterns with an example) stay as written in English, where
 * they are more precise than a generic sentence; Dutch gets the generic sentence for patterns.
 */
export function issueWords(t: ValidationT, locale: PortalLocale): IssueWords {
  return (issue: z.core.$ZodIssue) => {
    switch (issue.code) {
      case 'too_small': {
        const minimum = Number(issue.minimum);
        if (issue.origin === 'string') return minimum <= 1 ? t('required') : t('tooSmallString', { minimum });
        if (issue.origin === 'array' || issue.origin === 'set') return t('tooSmallArray', { minimum });
        return t('tooSmallNumber', { minimum });
      }
      case 'too_big': {
        const maximum = Number(issue.maximum);
        if (issue.origin === 'string') return t('tooBigString', { maximum });
        if (issue.origin === 'array' || issue.origin === 'set') return t('tooBigArray', { maximum });
        return t('tooBigNumber', { maximum });
      }
      case 'invalid_type':
        if (issue.input === undefined || issue.input === '') return t('required');
        return issue.expected === 'number' || issue.expected === 'int' ? t('number') : t('invalid');
      case 'invalid_format': {
        const key = FORMAT_KEYS[issue.format];
        if (key) return t(key);
        return locale === 'en' ? issue.message : t('format');
      }
      case 'invalid_value':
        return t('oneOf', { options: issue.values.map(String).join(', ') });
      case 'unrecognized_keys':
        return t('unknownField');
      default:
        return locale === 'en' ? issue.message : t('invalid');
    }
  };
}
