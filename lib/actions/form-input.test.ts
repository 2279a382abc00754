import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrors } from '@/lib/schemas/parse';
import { formInput, optionalNumber, optionalText, stringList } from './form-input';

describe('formInput', () => {
  const schema = formInput(
    z.object({ name: z.string().min(2), coordinates: z.object({ latitude: z.number().min(-90).max(90) }) }).strict(),
    (form) => ({
      name: optionalText(form.name),
      coordinates: { latitude: optionalNumber(form.latitude) },
    }),
  );

  it('validates the mapped body with the API schema and reports the API paths', () => {
    const result = schema.safeParse({ name: 'x', latitude: '123' });
    expect(result.success).toBe(false);
    const paths = fieldErrors(result.error!)
      .map((e) => e.path)
      .sort();
    expect(paths).toEqual(['/coordinates/latitude', '/name']);
  });

  it('converts form strings to the API types', () => {
    expect(schema.parse({ name: ' Depot ', latitude: '52,09' })).toEqual({ name: 'Depot', coordinates: { latitude: 52.09 } });
  });

  it('passes an unparsable number on so the schema names it', () => {
    expect(optionalNumber('abc')).toBe('abc');
    expect(optionalNumber('  ')).toBeUndefined();
  });

  it('splits lists from checkbox groups and text', () => {
    expect(stringList(['a', ' b ', ''])).toEqual(['a', 'b']);
    expect(stringList('Phase 1, Phase 2\nGarage')).toEqual(['Phase 1', 'Phase 2', 'Garage']);
  });
});
