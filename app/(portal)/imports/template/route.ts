import { z } from 'zod';
import { requirePageContext } from '@/lib/auth/page-context';
import { IMPORT_ENTITIES } from '@/lib/domain/vocabulary';
import { importableEntities, importTemplate } from '@/lib/portal/imports';
import { importTemplateName } from '@/lib/view/imports';

// GET /imports/template?entity=locations — the CSV template of an import, for those who may import it
export async function GET(request: Request) {
  const ctx = await requirePageContext();
  const entity = z.enum(IMPORT_ENTITIES).safeParse(new URL(request.url).searchParams.get('entity'));
  if (!entity.success || !importableEntities(ctx).includes(entity.data)) return new Response('Not found', { status: 404 });
  return new Response(importTemplate(ctx, entity.data), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${importTemplateName(entity.data)}"`,
      'cache-control': 'no-store',
    },
  });
}
