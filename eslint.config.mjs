import boundaries from 'eslint-plugin-boundaries';
import next from 'eslint-config-next';
import nextTypescript from 'eslint-config-next/typescript';

/**
 * Which folder may import which, lowest layer first. Each entry lists what the folder may import
 * besides itself; anything else is a lint error. A name ending in `.ts` is one of the leaf files
 * directly in lib/ (errors, env, format), which import nothing of the project.
 */
const LAYERS = {
  // Closed value lists and id helpers shared by the database, the schemas and the UI.
  'lib/domain': [],
  // zod schemas: request validation, response shape, OpenAPI document, form field errors.
  'lib/schemas': ['lib/domain', 'lib/errors.ts'],
  // The portal's languages: request language, messages per area, form error words.
  'lib/i18n': ['lib/schemas', 'lib/domain'],
  // Tables, client, migrations: knows nothing of who calls it.
  'lib/db': ['lib/domain', 'lib/env.ts'],
  // Who is calling: context, permissions, credentials. It loads the context from the database
  // itself, because every service verb needs the context before anything else.
  'lib/auth': ['lib/db', 'lib/schemas', 'lib/domain', 'lib/i18n', 'lib/errors.ts', 'lib/env.ts'],
  // The only place that reads and writes business data.
  'lib/services': ['lib/auth', 'lib/db', 'lib/schemas', 'lib/domain', 'lib/errors.ts', 'lib/env.ts'],
  // The REST wrapper: authenticate, parse, call a verb, map errors. Storage goes through services.
  'lib/http': ['lib/services', 'lib/auth', 'lib/schemas', 'lib/domain', 'lib/errors.ts', 'lib/env.ts'],
  // Endpoint definitions in, OpenAPI document out: it is handed the endpoints, it never lists them.
  'lib/openapi': ['lib/http', 'lib/schemas', 'lib/domain', 'lib/errors.ts', 'lib/env.ts'],
  // The endpoint definitions and the list of them.
  'lib/api': ['lib/http', 'lib/openapi', 'lib/services', 'lib/auth', 'lib/schemas', 'lib/domain', 'lib/errors.ts', 'lib/env.ts'],
  // How the portal shows API objects (prices, audit changes, map markers, key status): pure
  // helpers shared by pages, components and form mappers, so they import nothing that runs on a server.
  'lib/view': ['lib/schemas', 'lib/domain', 'lib/i18n', 'lib/errors.ts', 'lib/env.ts', 'lib/format.ts'],
  // The server-action wrapper, on the same context resolver as lib/http.
  'lib/actions': ['lib/services', 'lib/auth', 'lib/http', 'lib/i18n', 'lib/schemas', 'lib/domain', 'lib/errors.ts'],
  // Portal page loaders and view helpers.
  'lib/portal': [
    'lib/view',
    'lib/services',
    'lib/actions',
    'lib/http',
    'lib/auth',
    'lib/i18n',
    'lib/schemas',
    'lib/domain',
    'lib/errors.ts',
    'lib/env.ts',
    'lib/format.ts',
  ],
  // The OCPP gateway: sockets and protocol adapters. Like app/, it reaches data through service verbs.
  'lib/ocpp': ['lib/services', 'lib/schemas', 'lib/domain', 'lib/errors.ts', 'lib/env.ts'],
  // The typed REST client generated from the OpenAPI document: for integrations outside the app (the
  // examples, the station simulator, scripts), so nothing of the app imports it and it imports nothing.
  'lib/api-client': [],
  // Simulated charge stations (demo, tests, benchmark): an OCPP client, nothing of the server; like an
  // installer's app it may register itself through the REST API.
  'lib/simulator': ['lib/domain', 'lib/api-client'],
  // Demo data for the scripts; writes rows in bulk, straight to the tables.
  'lib/seed': ['lib/services', 'lib/auth', 'lib/db', 'lib/schemas', 'lib/domain', 'lib/errors.ts', 'lib/env.ts'],
  // Pages, route handlers, server actions: everything in lib/ except the database and the seed.
  app: [
    'components',
    'lib/view',
    'lib/api',
    'lib/openapi',
    'lib/http',
    'lib/actions',
    'lib/portal',
    'lib/services',
    'lib/auth',
    'lib/i18n',
    'lib/schemas',
    'lib/domain',
    'lib/errors.ts',
    'lib/env.ts',
    'lib/format.ts',
  ],
  // Components render props and call the actions they are handed.
  components: ['lib/view', 'lib/schemas', 'lib/domain', 'lib/i18n', 'lib/errors.ts', 'lib/format.ts'],
  // The Next proxy runs in front of every request: the database-free auth config, the settings and
  // the header policy (lib/http/security-headers.ts, lib/http/cors.ts).
  proxy: ['lib/auth', 'lib/http', 'lib/env.ts'],
  // Journeys drive simulated stations against the e2e server's gateway.
  e2e: ['lib/seed', 'lib/simulator', 'lib/api-client', 'lib/schemas', 'lib/domain', 'test'],
  // Integrations as a customer writes them: the REST API through the typed client, nothing else of the product.
  examples: ['lib/api-client'],
};

/** Layers a folder may import types from but must not run (a component cannot call server code). */
const TYPES_ONLY = {
  components: ['lib/actions', 'lib/auth', 'lib/portal'],
};

/** Entry points and test support wire the layers together: they may import anything. */
const UNRESTRICTED = ['scripts', 'test'];

const FOLDERS = [...Object.keys(LAYERS).filter((name) => name !== 'proxy'), ...UNRESTRICTED];

const target = (name) => ({
  to: { element: name.endsWith('.ts') ? { type: 'lib', fileInternalPath: name.slice('lib/'.length) } : { type: name } },
});
const source = (name) => ({ element: name === 'proxy' ? { type: 'root', fileInternalPath: 'proxy.ts' } : { type: name } });
// proxy.ts too: its tests call it the way Next.js does.
const anything = [...[...FOLDERS, 'lib'].map(target), { to: { element: { type: 'root', fileInternalPath: 'proxy.ts' } } }];

/**
 * From outside lib/services a domain is reached through its index.ts only: the barrel carries the
 * `server-only` guard, and the files behind it may change without touching the callers.
 */
const throughBarrels = {
  from: { element: { types: { anyOf: Object.keys(LAYERS).filter((name) => LAYERS[name].includes('lib/services')) } } },
  disallow: { to: { element: { type: 'lib/services', fileInternalPath: '!*/index.ts' } } },
  message: '{{from.type}}/ reaches lib/services through a domain\'s index.ts, not "{{dependency.source}}".',
};

const layerRules = {
  plugins: { boundaries },
  settings: {
    // The first pattern that matches names a file's layer; `lib` is what is left: its leaf files.
    'boundaries/elements': [
      ...FOLDERS.map((type) => ({ type, pattern: type, partialMatch: false })),
      { type: 'lib', pattern: 'lib', partialMatch: false },
      { type: 'root', pattern: '.', partialMatch: false },
    ],
    'boundaries/files': [{ category: 'test', pattern: '**/*.test.{ts,tsx}' }],
  },
  rules: {
    'boundaries/dependencies': [
      'error',
      {
        default: 'disallow',
        message:
          '{{from.type}}/ may not import {{to.type}}/ ("{{dependency.source}}"). LAYERS in eslint.config.mjs lists what each folder may import.',
        policies: [
          ...Object.entries(LAYERS).map(([from, allowed]) => ({ from: source(from), allow: allowed.map(target) })),
          ...Object.entries(TYPES_ONLY).map(([from, allowed]) => ({
            from: source(from),
            allow: allowed.map((name) => ({ ...target(name), dependency: { kind: 'type' } })),
          })),
          throughBarrels,
          // The portal's formatting of dates and numbers knows the portal's languages.
          { from: { element: { type: 'lib', fileInternalPath: 'format.ts' } }, allow: [target('lib/domain')] },
          ...UNRESTRICTED.map((from) => ({ from: source(from), allow: anything })),
          // Tool configs at the top (playwright, vitest) wire test support together like scripts do.
          { from: { element: { type: 'root', fileInternalPath: '*.config.{ts,mjs}' } }, allow: anything },
          // Tests beside the code exercise it across layers with the shared fixtures.
          { from: { file: { categories: 'test' } }, allow: anything },
        ],
      },
    ],
  },
};

/** drizzle and the database drivers stay behind lib/db, lib/services, lib/auth and the seed. */
const noDatabaseDrivers = {
  files: [
    'app/**',
    'components/**',
    'lib/ocpp/**',
    'lib/simulator/**',
    'lib/http/**',
    'lib/api/**',
    'lib/openapi/**',
    'lib/actions/**',
    'lib/portal/**',
    'lib/schemas/**',
  ],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['drizzle-orm', 'drizzle-orm/*', 'postgres', '@electric-sql/*'],
            message: 'Only lib/db, lib/services, lib/auth and lib/seed talk to the database: call a service verb.',
          },
        ],
      },
    ],
  },
};

const config = [
  { ignores: ['.next/**', 'node_modules/**', '.data/**', 'drizzle/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**'] },
  ...next,
  ...nextTypescript,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  layerRules,
  noDatabaseDrivers,
];

export default config;
