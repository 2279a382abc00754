import fc from 'fast-check';
import type { Endpoint } from '@/lib/http/endpoint';
import { MAX_BODY_BYTES } from '@/lib/http/body';
import { badDate, hostileId, injection, NON_FINITE_JSON } from './hostile-values';
import { INVALID_UTF8_MARK, objectViolation, rawJson, resolver, serialize, violation, type JsonSchema } from './schema-violations';

/** One generated request and what it may answer. */
export type FuzzRequest = {
  operation: string;
  kind: string;
  method: string;
  url: string;
  params: Record<string, string>;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** `rejected`: must be a 4xx; `read`: a GET that may also succeed. A number: exactly that status. */
  expect: 'rejected' | 'read' | number;
};

type Parameter = { in: string; name: string; schema: JsonSchema; required?: boolean };
type Operation = { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } };
export type OpenApiDocument = { components: { schemas: Record<string, JsonSchema> }; paths: Record<string, Record<string, Operation>> };

/** Valid ids per path parameter: objects that exist, so a request reaches the validation behind the lookup. */
export type Fixtures = { ids: Record<string, string>; keys: { cpo: string; viewer: string; revoked: string } };

const INVALID_UTF8 = [[0xff], [0xfe, 0xff], [0xc0, 0xaf], [0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]].map((bytes) =>
  Uint8Array.from(bytes),
);

const WRONG_CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json-patch+json',
  'application/jsonx',
  'application/xml',
  'json',
  '*/*',
];

/** Weighted arbitraries for every operation of the document that `endpoints` serve (for fc.oneof). */
export function requestArbitraries(document: OpenApiDocument, endpoints: Endpoint[], fixtures: Fixtures) {
  const resolve = resolver(document);
  // Weighted so the richest attacks (schema violations, queries, raw bodies) get most of the runs.
  const arbitraries: { arbitrary: fc.Arbitrary<FuzzRequest>; weight: number; operation: string }[] = [];
  for (const endpoint of endpoints) {
    const { definition } = endpoint;
    const operation = document.paths[definition.path]?.[definition.method.toLowerCase()];
    if (!operation || definition.public) continue;
    const name = `${definition.method} ${definition.path}`;
    const add = (weight: number, arbitrary: fc.Arbitrary<FuzzRequest>) => arbitraries.push({ arbitrary, weight, operation: name });
    const parameters = operation.parameters ?? [];
    const pathNames = parameters.filter((p) => p.in === 'path').map((p) => p.name);
    const queryParameters = parameters.filter((p) => p.in === 'query');
    const honoursIfMatch = parameters.some((p) => p.in === 'header' && p.name === 'If-Match');
    const idempotent = parameters.some((p) => p.in === 'header' && p.name === 'Idempotency-Key');
    const media = definition.body?.mergePatch ? 'application/merge-patch+json' : 'application/json';
    const bodySchema = operation.requestBody?.content[media]?.schema;
    const example = (definition.body?.example ?? {}) as Record<string, unknown>;
    const isRead = definition.method === 'GET';
    const exportFormat = definition.path.endsWith('/export') ? { format: 'csv' } : {};

    const validParams = Object.fromEntries(pathNames.map((p) => [p, fixtures.ids[`${definition.path}:${p}`] ?? fixtures.ids[p]!]));
    const make = (kind: string, parts: Partial<FuzzRequest> & { query?: [string, string][] }): FuzzRequest => {
      const params = { ...validParams, ...parts.params };
      const path = definition.path.replace(/\{(\w+)\}/g, (_m, p: string) => encodeURIComponent(params[p]!.toWellFormed()));
      const query = new URLSearchParams(parts.query ?? Object.entries(exportFormat));
      const search = query.size ? `?${query}` : '';
      return {
        operation: name,
        kind,
        method: definition.method,
        url: `http://localhost${path}${search}`,
        params,
        headers: { authorization: `Bearer ${fixtures.keys.cpo}`, ...parts.headers },
        body: parts.body,
        expect: parts.expect ?? (isRead ? 'read' : 'rejected'),
      };
    };
    const jsonHeaders = { 'content-type': media };
    const validBody = definition.body ? serialize(example) : undefined;
    const withValidBody = definition.body ? { body: validBody, headers: jsonHeaders } : {};

    // Credentials: unknown, revoked, another scheme → 401 before anything else happens. (No header
    // at all falls back to the portal session, which needs Next's request scope: test/api covers it.)
    add(
      1,
      fc
        .constantFrom('Bearer nope', `Bearer ${fixtures.keys.revoked}`, 'Basic Zm9vOmJhcg==', 'Bearer ', `Bearer ${fixtures.keys.cpo}x`)
        .map((authorization) => {
          const request = make('auth', { ...withValidBody, expect: 401 });
          request.headers.authorization = authorization;
          return request;
        }),
    );

    // Path parameters nobody has: traversal, injections, very long; each alone, the rest valid.
    for (const param of pathNames) {
      add(
        2,
        hostileId().map((id) => make(`path:${param}`, { ...withValidBody, params: { [param]: id }, expect: 'rejected' })),
      );
    }

    if (!isRead && honoursIfMatch) {
      add(
        1,
        fc
          .constantFrom('"999999"', '"0"', 'W/"1"', 'garbage', '"1", "2"', '"-1"', '"1e400"')
          .map((ifMatch) => make('if-match', { ...withValidBody, headers: { ...withValidBody.headers, 'if-match': ifMatch } })),
      );
    }
    if (idempotent && definition.body) {
      add(
        1,
        fc
          .constantFrom('', 'has space', 'x'.repeat(256), 'tab\tkey')
          .map((key) => make('idempotency-key', { ...withValidBody, headers: { ...jsonHeaders, 'idempotency-key': key }, expect: 400 })),
      );
    }

    if (definition.body && bodySchema) {
      const violating = objectViolation(bodySchema, example, resolve, 0, definition.body.mergePatch);
      if (violating) {
        // One certain violation, with hostile but valid text sprinkled over the other string fields.
        add(
          6,
          fc
            .tuple(violating, fc.array(fc.tuple(fc.constantFrom(...Object.keys(example)), injection()), { maxLength: 3 }))
            .map(([body, sprinkles]) => {
              const mixed = { ...body };
              for (const [field, value] of sprinkles)
                if (typeof example[field] === 'string' && field in mixed && mixed[field] === example[field]) mixed[field] = value;
              return make('body', { body: serialize(mixed), headers: jsonHeaders });
            }),
        );
      }
      add(
        3,
        rawBodies(example).map(([kind, body, status]) => make(kind, { body, headers: jsonHeaders, expect: status })),
      );
      add(
        1,
        fc
          .constantFrom(...WRONG_CONTENT_TYPES)
          .map((type) => make('content-type', { body: validBody, headers: { 'content-type': type }, expect: 415 })),
      );
      add(
        1,
        fc.constantFrom('stream', 'declared').map((how) => {
          const padding = 'x'.repeat(MAX_BODY_BYTES);
          if (how === 'declared')
            return make('oversized', {
              body: validBody,
              headers: { ...jsonHeaders, 'content-length': String(MAX_BODY_BYTES + 1) },
              expect: 413,
            });
          return make('oversized', { body: serialize({ ...example, remarks: padding }), headers: jsonHeaders, expect: 413 });
        }),
      );
    }

    if (queryParameters.length) {
      const known = queryParameters.map((p) => p.name);
      const violations = queryParameters.flatMap((p) => {
        const bad = queryViolation(p, resolve);
        return bad ? [bad.map((value) => [p.name, value] as [string, string])] : [];
      });
      const base = Object.entries(exportFormat);
      // One certain violation (or an unknown parameter), plus valid-but-hostile q / duplicates.
      const certain = fc.oneof(
        fc.oneof(...violations),
        fc
          .tuple(fc.constantFrom('nope', 'LIMIT', 'limit[]', 'tenant_id', '__proto__', ''), injection())
          .filter(([k]) => !known.includes(k)),
      );
      add(
        4,
        fc.tuple(certain, fc.boolean()).map(([bad, duplicate]) => {
          // A repeated key keeps its last value (as the portal's parser does), so the bad one goes last.
          const query: [string, string][] = duplicate ? [...base, [bad[0], '5'], bad] : [...base, bad];
          return make('query', { query, expect: 400 });
        }),
      );
      if (known.includes('q')) {
        add(
          1,
          injection().map((q) => make('query-hostile', { query: [...base, ['q', q]], expect: 'read' })),
        );
      }
    }
  }
  return arbitraries;
}

/** A query parameter's value that its schema refuses, as the string a client sends. */
function queryViolation(parameter: Parameter, resolve: (s: JsonSchema) => JsonSchema): fc.Arbitrary<string> | null {
  const schema = resolve(parameter.schema);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (parameter.name === 'cursor')
    return fc.oneof(
      injection(),
      fc.constantFrom('garbage', 'eyJ4IjoxfQ', 'x'.repeat(2049), '%00', '..%2f', 'AAAA.BBBB'),
      fc.base64String({ minLength: 4, maxLength: 300 }),
    );
  if (parameter.name.startsWith('date_') || parameter.name.endsWith('_since')) return badDate();
  if (types.includes('integer') || types.includes('number')) {
    const bounds = [schema.minimum, schema.maximum].filter((b) => b !== undefined).map((b, i) => String(i ? b! + 1 : b! - 1));
    // Numbers in a query are plain decimal digits (queryInt / queryDecimal): other spellings are a 400.
    return fc.constantFrom(
      'abc',
      ...(types.includes('integer') ? ['1.5'] : ['1.', '.5']),
      ' 1',
      '01',
      '+1',
      '0x10',
      '1e2',
      '1e400',
      '-1e400',
      'NaN',
      'Infinity',
      '-Infinity',
      '-0.5',
      '1,2',
      '5abc',
      '1_000',
      ...bounds,
      ...((schema.minimum ?? 0) > 0 ? ['-0', '0'] : []),
    );
  }
  const value = violation(schema, resolve);
  // A URL carries UTF-8 only: a lone surrogate would arrive as U+FFFD, which is valid text.
  return value
    ? value
        .filter((v): v is string => typeof v === 'string' && v !== '' && v.isWellFormed())
        .map((v) => (v.startsWith('\u0001') ? v.slice(1, -1) : v))
    : null;
}

/** Bodies that are no JSON object, or JSON no parser should take: [kind, body, expected status]. */
function rawBodies(example: Record<string, unknown>): fc.Arbitrary<[string, string | Uint8Array, FuzzRequest['expect']]> {
  const text = JSON.stringify(example);
  const firstString = Object.keys(example).find((k) => typeof example[k] === 'string');
  const firstNumber = findNumberPath(example);
  const options: fc.Arbitrary<[string, string | Uint8Array, FuzzRequest['expect']]>[] = [
    fc
      .constantFrom(
        '',
        ' ',
        'null',
        '[]',
        '"text"',
        '1',
        'true',
        '{',
        '{"a":',
        text.slice(0, -1),
        `${text}x`,
        `${text}{}`,
        `\ufeff${text}`,
        "{'a':1}",
        '{"a":1,}',
        '{a:1}',
      )
      .map((b) => ['json', b, 400]),
    fc.constantFrom(10_000, 100_000).map((depth) => ['deep', `{"a":${'['.repeat(depth)}${']'.repeat(depth)}}`, 400]),
    fc.constantFrom(10_000, 50_000).map((depth) => ['deep', `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`, 400]),
  ];
  if (firstString) {
    options.push(
      fc
        .constantFrom(...INVALID_UTF8)
        .map((bytes) => ['utf8', serialize({ ...example, [firstString]: `a${INVALID_UTF8_MARK}b` }, bytes), 400]),
    );
  }
  if (firstNumber) {
    options.push(
      fc
        .constantFrom(...NON_FINITE_JSON)
        .map((literal) => ['number', serialize(setPath(example, firstNumber, rawJson(literal))), 'rejected']),
    );
  }
  return fc.oneof(...options);
}

function findNumberPath(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === 'number') return path;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  for (const [key, child] of Object.entries(value)) {
    const found = findNumberPath(child, [...path, key]);
    if (found) return found;
  }
  return null;
}

function setPath(value: Record<string, unknown>, path: string[], replacement: unknown): Record<string, unknown> {
  const [head, ...rest] = path;
  return { ...value, [head!]: rest.length ? setPath(value[head!] as Record<string, unknown>, rest, replacement) : replacement };
}
