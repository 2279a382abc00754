import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrors } from '@/lib/schemas/parse';
import type { PortalLocale } from './locales';
import { issueWords } from './issue-words';
import { MESSAGES } from './messages';

const schema = z
  .object({
    name: z.string().min(1),
    password: z.string().min(12, 'must be at least 12 characters'),
    email: z.email({ error: 'must be an e-mail address' }),
    max_power_kw: z.coerce.number().max(350),
    access: z.enum(['PUBLIC', 'PRIVATE']),
    evse_id: z.string().regex(/^NL\*/, 'must look like NL*GFX*E0001*1'),
  })
  .strict();

const input = { name: '', password: 'short', email: 'nope', max_power_kw: '400', access: 'OPEN', evse_id: 'X', colour: 'red' };

function errorsIn(locale: PortalLocale) {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: 'Validation' });
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error('expected issues');
  return Object.fromEntries(fieldErrors(parsed.error, '', issueWords(t, locale)).map((e) => [e.path, e.message]));
}

describe('form error words', () => {
  it('say what is wrong in English, keeping a pattern’s own example', () => {
    expect(errorsIn('en')).toEqual({
      '/name': 'required',
      '/password': 'must be at least 12 characters',
      '/email': 'must be an e-mail address',
      '/max_power_kw': 'must be at most 350',
      '/access': 'must be one of: PUBLIC, PRIVATE',
      '/evse_id': 'must look like NL*GFX*E0001*1',
      '/colour': 'unknown field',
    });
  });

  it('say it in Dutch for a Dutch user', () => {
    expect(errorsIn('nl')).toEqual({
      '/name': 'verplicht',
      '/password': 'moet minstens 12 tekens lang zijn',
      '/email': 'moet een e-mailadres zijn',
      '/max_power_kw': 'mag hoogstens 350 zijn',
      '/access': 'moet een van deze zijn: PUBLIC, PRIVATE',
      '/evse_id': 'heeft niet de juiste vorm',
      '/colour': 'onbekend veld',
    });
  });
});
