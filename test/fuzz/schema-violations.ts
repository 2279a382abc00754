import fc from 'fast-check';
import { badDate, FORBIDDEN_TEXT, injection, NON_FINITE_JSON } from './hostile-values';

/** The part of JSON Schema (OpenAPI 3.1) the generated document uses. */
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
};

/**
 * A JSON text spliced into the body verbatim (`1e400`, `NaN`): JSON.stringify cannot write it, so
 * the value travels as a marked string and `serialize` unwraps it.
 */
export const rawJson = (text: string) => `\u0001${text}\u0001`;
/** Where `serialize` puts bytes that are not UTF-8. */
export const INVALID_UTF8_MARK = '\u0002';

export function serialize(value: unknown, invalidBytes?: Uint8Array): string | Uint8Array {
  const text = JSON.stringify(value).replace(/"\\u0001(.*?)\\u0001"/g, '$1');
  if (!invalidBytes) return text;
  const parts = text.split('\\u0002').map((part) => Buffer.from(part, 'utf8'));
  return Buffer.concat(parts.flatMap((part, i) => (i ? [Buffer.from(invalidBytes), part] : [part])));
}

export const resolver = (document: { components: { schemas: Record<string, JsonSchema> } }) => {
  const resolve = (schema: JsonSchema): JsonSchema => {
    if (!schema.$ref) return schema;
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolve(document.components.schemas[name]!);
  };
  return resolve;
};

const SAMPLE_BY_TYPE: [string, unknown][] = [
  ['string', 'text'],
  ['number', 1.5],
  ['integer', 7],
  ['boolean', true],
  ['object', { nested: 1 }],
  ['array', []],
  ['null', null],
];

/** The JSON types a schema accepts, or null when it does not say (then no type is wrong for sure). */
function acceptedTypes(schema: JsonSchema, resolve: (s: JsonSchema) => JsonSchema): Set<string> | null {
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    const sets = branches.map((b) => acceptedTypes(resolve(b), resolve));
    if (sets.some((s) => s === null)) return null;
    return new Set(sets.flatMap((s) => [...s!]));
  }
  if (schema.enum) return new Set(schema.enum.map((v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v)));
  if (!schema.type) return null;
  const types = new Set(Array.isArray(schema.type) ? schema.type : [schema.type]);
  if (types.has('number')) types.add('integer');
  return types;
}

const stringOfLength = (length: number) =>
  fc.constantFrom('x', '<', "'", 'é').map((unit) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));

/**
 * Values that `schema` refuses for certain, derived from what it states: another JSON type, a
 * string past `maxLength` or short of `minLength`, outside the `enum`, not matching `pattern` or
 * `format`, text with U+0000 or lone surrogates, numbers out of bounds, non-integers, non-finite
 * numbers, too many items, an item that is itself wrong. Null when the schema promises nothing.
 * `partial`: inside a merge patch, where a nested object merges and may leave out required fields.
 */
export function violation(
  input: JsonSchema,
  resolve: (s: JsonSchema) => JsonSchema,
  depth = 0,
  partial = false,
): fc.Arbitrary<unknown> | null {
  const schema = resolve(input);
  const options: fc.Arbitrary<unknown>[] = [];
  const types = acceptedTypes(schema, resolve);
  if (types) {
    const wrong = SAMPLE_BY_TYPE.filter(([type]) => !types.has(type)).map(([, value]) => value);
    if (wrong.length) options.push(fc.constantFrom(...wrong));
  }
  const plain = !schema.anyOf && !schema.oneOf && !schema.allOf;
  if (plain && types?.has('string') && !types.has('integer')) {
    options.push(fc.constantFrom(...FORBIDDEN_TEXT));
    if (schema.maxLength !== undefined) {
      const max = schema.maxLength;
      options.push(fc.oneof(fc.integer({ min: max + 1, max: max * 2 + 10 }).chain(stringOfLength), stringOfLength(200_000)));
    }
    if (schema.minLength) options.push(fc.constant(''));
    if (schema.enum)
      options.push(
        fc.oneof(injection(), fc.constant(`${String(schema.enum[0])}_NOT`), fc.constant(String(schema.enum[0]).toLowerCase() + '!')),
      );
    if (schema.pattern) {
      const pattern = new RegExp(schema.pattern, 'u');
      options.push(fc.oneof(injection(), fc.constantFrom('', ' ', 'x'.repeat(300), '1,2,3')).filter((s) => !pattern.test(s)));
    }
    if (schema.format === 'uuid') options.push(fc.constantFrom('not-a-uuid', '00000000-0000-1000-8000-000000000000', "' or 1=1--", '../x'));
    if (schema.format === 'date' || schema.format === 'date-time') options.push(badDate().filter((d) => d !== ''));
    if (schema.format === 'email') options.push(fc.constantFrom('no-at-sign', '@', 'a@', '<script>@x'));
  }
  if (plain && (types?.has('number') || types?.has('integer')) && !types.has('string')) {
    const isInteger = !types.has('number') || (Array.isArray(schema.type) ? schema.type : [schema.type]).includes('integer');
    options.push(fc.constantFrom(...NON_FINITE_JSON.slice(0, 2).map(rawJson)));
    if (schema.minimum !== undefined) options.push(fc.constant(schema.minimum - 1));
    if (schema.maximum !== undefined) options.push(fc.constant(schema.maximum + 1));
    if (schema.exclusiveMinimum !== undefined) options.push(fc.constant(schema.exclusiveMinimum));
    // JSON's -0 is 0: below a positive minimum, and not above an exclusive minimum of 0.
    if ((schema.minimum ?? 0) > 0 || (schema.exclusiveMinimum ?? -1) >= 0) options.push(fc.constant(rawJson('-0')));
    if (schema.exclusiveMaximum !== undefined) options.push(fc.constant(schema.exclusiveMaximum));
    if (isInteger) options.push(fc.constantFrom(1.5, 2 ** 64, rawJson('1e400')));
  }
  if (plain && types?.has('array') && schema.items && depth < 6) {
    const item = violation(schema.items, resolve, depth + 1);
    if (item) options.push(item.map((v) => [v]));
    if (schema.maxItems !== undefined) options.push(fc.constant(Array.from({ length: schema.maxItems + 1 }, () => null)));
  }
  if (plain && types?.has('object') && schema.properties && depth < 6) {
    const nested = objectViolation(schema, {}, resolve, depth + 1, partial);
    if (nested) options.push(nested);
  }
  return options.length ? fc.oneof(...options) : null;
}

/**
 * `base` (a valid object) made invalid for `schema` in one place: a property with a violation, a
 * required property removed (unless `partial`, as in a merge patch), or an unknown property.
 */
export function objectViolation(
  input: JsonSchema,
  base: Record<string, unknown>,
  resolve: (s: JsonSchema) => JsonSchema,
  depth = 0,
  partial = false,
): fc.Arbitrary<Record<string, unknown>> | null {
  const schema = resolve(input);
  const options: fc.Arbitrary<Record<string, unknown>>[] = [];
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const current = base[name];
    const resolved = resolve(property);
    const inner =
      current && typeof current === 'object' && !Array.isArray(current) && resolved.properties
        ? objectViolation(resolved, current as Record<string, unknown>, resolve, depth + 1, partial)
        : null;
    // In a merge patch `null` means "clear", which a field may allow whatever its type says.
    const value = partial ? violation(property, resolve, depth, true)?.filter((v) => v !== null) : violation(property, resolve, depth);
    const either = inner && value ? fc.oneof(inner, value) : (inner ?? value);
    if (either) options.push(either.map((v) => ({ ...base, [name]: v })));
  }
  if (!partial) {
    for (const name of schema.required ?? []) {
      options.push(
        fc.constant(name).map((n) => {
          const { [n]: _removed, ...rest } = base;
          return rest;
        }),
      );
    }
  }
  if (schema.additionalProperties === false) {
    options.push(
      fc.tuple(fc.constantFrom('unknown_field', '__proto__', 'constructor', 'id', 'tenant', ''), injection()).map(([name, value]) => {
        const copy = { ...base };
        Object.defineProperty(copy, name, { value, enumerable: true, configurable: true, writable: true });
        return copy;
      }),
    );
  }
  return options.length ? fc.oneof(...options) : null;
}
