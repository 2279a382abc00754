import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrors } from '@/lib/schemas/parse';
import { formInput, optionalText } from './form-input';
import { versionedRef, versionedTarget } from './versioned-target';

describe('versionedTarget', () => {
  const schema = versionedTarget(formInput(z.object({ name: z.string().min(2) }).strict(), (form) => ({ name: optionalText(form.name) })));

  it('gives the id, the form’s version as a number and the mapped body', () => {
    expect(schema.parse({ id: 'abc', version: '3', name: ' Depot ' })).toEqual({ id: 'abc', version: 3, name: 'Depot' });
  });

  it('reports the target’s and the body’s errors together, by JSON pointer', () => {
    const result = schema.safeParse({ id: '', version: '0', name: 'x' });
    expect(
      fieldErrors(result.error!)
        .map((e) => e.path)
        .sort(),
    ).toEqual(['/id', '/name', '/version']);
  });

  it('alone, keeps only the id and the version', () => {
    expect(versionedRef.parse({ id: 'abc', version: '2', other: 'x' })).toEqual({ id: 'abc', version: 2 });
  });
});
