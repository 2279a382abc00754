import { docsAsset } from '@/lib/openapi/docs-page';

// GET /docs/assets/{file} — public: Swagger UI's script and stylesheet, served from node_modules
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  return docsAsset((await params).file);
}
