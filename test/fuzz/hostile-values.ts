import fc from 'fast-check';

/** Strings an attacker tries in any text: injections, markup, templates, traversal, odd Unicode. */
export const INJECTIONS = [
  "' or 1=1--",
  "'; drop table locations;--",
  '" or ""="',
  '1; select pg_sleep(5)',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '${{7*7}}',
  '{{7*7}}',
  '#{7*7}',
  '=HYPERLINK("http://x","y")',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f',
  '%00',
  '\u202egnp.exe',
  '😀\u0301',
  '__proto__',
  'constructor',
  'null',
  '\\',
  '%',
  '_',
];

/** Strings the API must refuse wherever text is accepted (SPEC 3: 422). */
export const FORBIDDEN_TEXT = ['\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '\udc00\ud800'];

export const injection = () => fc.constantFrom(...INJECTIONS);

/** Ids no object has: traversal (plain and encoded), injections, very long, almost-uuids. */
export const hostileId = () =>
  fc.oneof(
    fc.constantFrom(
      '../',
      '..%2f',
      '%2e%2e%2f',
      '%252e%252e%252f',
      '../../../../etc/passwd',
      '..\\..\\',
      '.',
      '..',
      '*',
      '%',
      ' ',
      '00000000-0000-4000-8000-00000000000g',
      '00000000-0000-4000-8000-000000000000;select 1',
      '{id}',
      '-1',
      '1e400',
      'NaN',
      '\u0000',
      '\ud800',
    ),
    injection(),
    fc.constant('x'.repeat(201)),
    fc.constant('9'.repeat(5000)),
    fc.uuid({ version: 4 }),
    fc.string({ minLength: 1, maxLength: 40, unit: 'binary' }),
  );

/** Dates that are no date, or no real one. */
export const badDate = () =>
  fc.constantFrom(
    'yesterday',
    '2026-13-01',
    '2026-02-30',
    '2026-00-10',
    '2026-12-02T25:00:00Z',
    '2026-12-02T10:00:00',
    '31/12/2026',
    '+275760-09-13',
    '99999-01-01',
    '0000-00-00',
    '',
    'NaN',
    '1e400',
    "2026-01-01' or 1=1--",
  );

/** Raw JSON number texts that are not finite numbers (or not JSON at all). */
export const NON_FINITE_JSON = ['1e400', '-1e400', 'NaN', 'Infinity', '-Infinity', '0x10', '.5', '01', '+1'];
