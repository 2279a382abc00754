import type { Fixtures, FuzzRequest } from './requests';

/** Hand-written cases the brief names, and every finding of a fuzz run, kept as fixed examples. */
export function REGRESSIONS(fixtures: Fixtures): FuzzRequest[] {
  const station = fixtures.ids.id!;
  const location = fixtures.ids['/api/v2/locations/{id}:id']!;
  const request = (operation: string, path: string, parts: Partial<FuzzRequest> = {}): FuzzRequest => ({
    operation,
    kind: 'regression',
    method: operation.split(' ')[0]!,
    url: `http://localhost${path}`,
    params: { id: location },
    headers: { authorization: `Bearer ${fixtures.keys.cpo}`, 'content-type': 'application/json', ...parts.headers },
    expect: 'rejected',
    ...parts,
  });
  const patchLocation = (body: string | Uint8Array, expect: FuzzRequest['expect'] = 'rejected') =>
    request('PATCH /api/v2/locations/{id}', `/api/v2/locations/${location}`, {
      body,
      expect,
      headers: { authorization: `Bearer ${fixtures.keys.cpo}`, 'content-type': 'application/merge-patch+json' },
    });
  const stationAvailability = (body: string) =>
    request('POST /api/v2/charge-stations/{id}/availability', `/api/v2/charge-stations/${station}/availability`, {
      params: { id: station },
      body,
    });
  return [
    patchLocation(`{"name":${'['.repeat(10_000)}${']'.repeat(10_000)}}`, 400),
    patchLocation(Buffer.concat([Buffer.from('{"name":"a'), Buffer.from([0xff, 0xfe]), Buffer.from('b"}')]), 400),
    patchLocation(Buffer.concat([Buffer.from('{"remarks":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]), 400),
    patchLocation('{"coordinates":{"latitude":1e400,"longitude":5}}', 422),
    patchLocation('{"coordinates":{"latitude":NaN,"longitude":5}}', 400),
    patchLocation('{"coordinates":{"latitude":-0,"longitude":-0},"name":""}', 422),
    patchLocation('{"name":"a\\u0000b"}', 422),
    patchLocation('{"remarks":"\\ud800"}', 422),
    patchLocation(`{"remarks":"${'x'.repeat(1024 * 1024)}"}`, 413),
    patchLocation('{"name":"x","name":"\\u0000"}', 422),
    stationAvailability('{"availability":"INOPERATIVE\' or 1=1--"}'),
    request('GET /api/v2/locations/{id}', '/api/v2/locations/..%2f..%2fetc%2fpasswd', { params: { id: '../../etc/passwd' }, expect: 404 }),
    request('GET /api/v2/locations/{id}', '/api/v2/locations/%252e%252e%252f', { params: { id: '%2e%2e%2f' }, expect: 404 }),
    request('DELETE /api/v2/locations/{id}', `/api/v2/locations/${'9'.repeat(5000)}`, { params: { id: '9'.repeat(5000) } }),
    request('GET /api/v2/locations', '/api/v2/locations?limit=5&limit=abc', { params: {}, expect: 400 }),
    request('GET /api/v2/locations', '/api/v2/locations?date_from=2026-02-30', { params: {}, expect: 400 }),
    request('GET /api/v2/locations', '/api/v2/locations?limit=-0', { params: {}, expect: 400 }),
    request('GET /api/v2/locations', '/api/v2/locations?near=52.1,5.1&radius=1e400', { params: {}, expect: 400 }),
    request('GET /api/v2/locations', '/api/v2/locations?cursor=eyJ4IjoxfQ', { params: {}, expect: 400 }),
    request('GET /api/v2/locations', "/api/v2/locations?q=' or 1=1--", { params: {}, expect: 'read' }),
    request('POST /api/v2/locations', '/api/v2/locations', {
      params: {},
      body: '{"name":"x"}',
      headers: { authorization: `Bearer ${fixtures.keys.cpo}`, 'content-type': 'text/plain' },
      expect: 415,
    }),
  ];
}
