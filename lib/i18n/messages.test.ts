import { describe, expect, it } from 'vitest';
import { PORTAL_LOCALES } from '@/lib/domain/vocabulary';
import { MESSAGE_AREAS, MESSAGES } from './messages';

/** Every leaf of a message tree as `Namespace.key.sub` → text. */
function leaves(tree: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value as Record<string, unknown>, path)) out.set(k, v);
  }
  return out;
}

/** The top-level ICU arguments of a message (`{count}`, `{count, plural, …}` → count). */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  let depth = 0;
  for (let i = 0; i < message.length; i += 1) {
    if (message[i] === '{') {
      if (depth === 0) names.add(/^\{\s*([A-Za-z_][\w]*)/.exec(message.slice(i))?.[1] ?? '');
      depth += 1;
    } else if (message[i] === '}') depth -= 1;
  }
  names.delete('');
  return [...names].sort();
}

const english = leaves(MESSAGES.en);

describe('portal messages', () => {
  for (const locale of PORTAL_LOCALES.filter((l) => l !== 'en')) {
    const translated = leaves(MESSAGES[locale]);

    it(`${locale} has every English key, and no other`, () => {
      expect([...english.keys()].filter((key) => !translated.has(key))).toEqual([]);
      expect([...translated.keys()].filter((key) => !english.has(key))).toEqual([]);
    });

    it(`${locale} uses the same placeholders as English`, () => {
      const mismatched = [...english].filter(([key, text]) => argumentsOf(text).join() !== argumentsOf(translated.get(key) ?? '').join());
      expect(mismatched.map(([key]) => key)).toEqual([]);
    });
  }

  it('gives every namespace to one area only', () => {
    for (const locale of PORTAL_LOCALES) {
      const owners = new Map<string, string[]>();
      for (const [area, messages] of Object.entries(MESSAGE_AREAS[locale])) {
        for (const namespace of Object.keys(messages)) owners.set(namespace, [...(owners.get(namespace) ?? []), area]);
      }
      expect([...owners].filter(([, areas]) => areas.length > 1)).toEqual([]);
    }
  });

  it('has no empty message', () => {
    for (const locale of PORTAL_LOCALES) {
      expect([...leaves(MESSAGES[locale])].filter(([, text]) => !text.trim()).map(([key]) => `${locale}:${key}`)).toEqual([]);
    }
  });
});
