import fs from 'node:fs/promises';
import path from 'node:path';

/** The only files the docs page loads, all shipped in the swagger-ui-dist npm package. */
const ASSETS: Record<string, string> = {
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui.css': 'text/css; charset=utf-8',
};

/** The page; `nonce` is this request's CSP script nonce (proxy.ts), which both scripts need to run. */
export function docsPage(nonce: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Charge Location Management API</title>
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
  <style>body{margin:0} .topbar{display:none} .docs-links{font:14px sans-serif;padding:12px 20px;background:#065f46} .docs-links a{color:#fff;margin-right:16px}</style>
</head>
<body>
  <nav class="docs-links"><a href="/docs">API reference</a><a href="/docs/changelog">Changelog and versioning</a><a href="/api/v2/openapi.json">openapi.json</a><a href="/">Portal</a></nav>
  <main id="ui"></main>
  <script nonce="${nonce}" src="/docs/assets/swagger-ui-bundle.js"></script>
  <script nonce="${nonce}">
    window.ui = SwaggerUIBundle({ url: '/api/v2/openapi.json', dom_id: '#ui', validatorUrl: null, deepLinking: true });
  </script>
</body>
</html>`;
}

export async function docsAsset(file: string): Promise<Response> {
  const type = ASSETS[file];
  if (!type) return new Response('Not found', { status: 404 });
  const body = await fs.readFile(path.join(process.cwd(), 'node_modules', 'swagger-ui-dist', file));
  return new Response(body, { headers: { 'content-type': type, 'cache-control': 'public, max-age=86400' } });
}
