import { describe, expect, it } from 'vitest';
import { applyMergePatch, stripReadOnly } from './merge-patch';

describe('applyMergePatch (RFC 7396 examples)', () => {
  it.each([
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ])('%j + %j = %j', (target, patch, result) => {
    expect(applyMergePatch(target, patch)).toEqual(result);
  });
});

describe('stripReadOnly', () => {
  it('drops echoed read-only values and rejects changed ones with their paths', () => {
    expect(stripReadOnly({ id: 'a', name: 'n' }, { id: 'a' }, ['id'])).toEqual({ name: 'n' });
    expect(() => stripReadOnly({ id: 'b', version: 9 }, { id: 'a', version: 1 }, ['id', 'version'])).toThrow(
      expect.objectContaining({
        extra: {
          errors: [
            { path: '/id', message: 'is read-only' },
            { path: '/version', message: 'is read-only' },
          ],
        },
      }),
    );
  });
});
