import { docsPage } from '@/lib/openapi/docs-page';

// GET /docs — public: the API reference, rendered offline by the bundled Swagger UI
export function GET(request: Request): Response {
  return new Response(docsPage(request.headers.get('x-nonce') ?? ''), { headers: { 'content-type': 'text/html; charset=utf-8' } });
}
