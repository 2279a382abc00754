/**
 * Message templates for client islands that get their words as props (so the page ships no
 * message formatter): `{name}` placeholders, and plurals as a `{ one, other }` pair.
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

export type PluralForms = { one: string; other: string };

export function plural(forms: PluralForms, count: number, locale: string): string {
  return fill(new Intl.PluralRules(locale).select(count) === 'one' ? forms.one : forms.other, { count });
}
