import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_ENDPOINTS } from '@/lib/api';
import type { Endpoint } from '@/lib/http/endpoint';
import { newestChangelogVersion, readApiChangelog } from '@/lib/openapi/changelog';
import { buildOpenApiDocument } from '@/lib/openapi/document';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
/** Auth.js's own sign-in callbacks: not part of the management API. */
const NOT_API = ['app/api/auth/[...nextauth]/route.ts'];

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === 'route.ts' ? [full] : [];
  });
}

/** app/api/v2/charge-stations/[id]/route.ts → /api/v2/charge-stations/{id} */
const openApiPath = (file: string) => `/${path.dirname(path.relative('app', file)).replace(/\[([^\]]+)\]/g, '{$1}')}`;

describe('every API route goes through the endpoint wrapper and is documented', () => {
  const files = routeFiles('app/api').filter((f) => !NOT_API.includes(f));

  it.each(files)('%s', async (file) => {
    const mod = (await import(`@/${file.replace(/\.ts$/, '')}`)) as Record<string, unknown>;
    const exported = METHODS.filter((m) => m in mod);
    expect(exported.length).toBeGreaterThan(0);
    for (const method of exported) {
      const endpoint = mod[method] as Endpoint;
      expect(endpoint.definition, `${method} ${file} must be a defineEndpoint()`).toBeDefined();
      expect(ALL_ENDPOINTS).toContain(endpoint);
      expect(endpoint.definition).toMatchObject({ method, path: openApiPath(file) });
    }
  });

  it('documents nothing that no route serves, each operationId once', async () => {
    const served = new Set<Endpoint>();
    for (const file of files) {
      const mod = (await import(`@/${file.replace(/\.ts$/, '')}`)) as Record<string, Endpoint>;
      for (const method of METHODS) if (mod[method]) served.add(mod[method]);
    }
    expect(ALL_ENDPOINTS.filter((e) => !served.has(e)).map((e) => `${e.definition.method} ${e.definition.path}`)).toEqual([]);
    const ids = ALL_ENDPOINTS.map((e) => e.definition.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('the OpenAPI document', () => {
  const document = buildOpenApiDocument(ALL_ENDPOINTS);

  it('has the changelog’s newest version and declares the public operations without security', async () => {
    expect(document.info.version).toBe(newestChangelogVersion(await readApiChangelog()));
    expect(document.paths?.['/api/health']?.get?.security).toEqual([]);
    expect(document.paths?.['/api/v2/openapi.json']?.get?.security).toEqual([]);
    expect(document.security).toEqual([{ bearerAuth: [] }]);
  });

  it('lists 401, 404, 422, 429 and 503 with problem+json where they apply, and ETag / Location headers', () => {
    const post = document.paths?.['/api/v2/locations']?.post;
    expect(Object.keys(post?.responses ?? {})).toEqual(
      expect.arrayContaining(['201', '400', '401', '403', '409', '413', '415', '422', '429', '503']),
    );
    expect(post?.responses?.['201']).toMatchObject({ headers: { ETag: expect.any(Object), Location: expect.any(Object) } });
    const patch = document.paths?.['/api/v2/charge-stations/{id}']?.patch;
    expect(Object.keys(patch?.responses ?? {})).toEqual(expect.arrayContaining(['200', '404', '412', '422']));
    expect(patch?.requestBody).toMatchObject({ content: { 'application/merge-patch+json': expect.any(Object) } });
    expect(patch?.responses?.['429']).toMatchObject({ headers: { 'Retry-After': expect.any(Object) } });
    expect(patch?.responses?.['503']).toMatchObject({ headers: { 'Retry-After': expect.any(Object) } });
  });
});
