import { requirePageContext } from '@/lib/auth/page-context';
import { locationListQuerySchema } from '@/lib/schemas/location';
import { listLocationPoints } from '@/lib/services/locations';
import { toPointColumns } from '@/lib/view/map';

// GET /locations/points?q=… — every location of the list's filter (not its page) as map points, for
// the locations map to cluster in the browser
export async function GET(request: Request): Promise<Response> {
  const ctx = await requirePageContext();
  const query = locationListQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return Response.json({ error: 'invalid filter' }, { status: 400 });
  const { points, truncated } = await listLocationPoints({ ctx, query: query.data });
  return Response.json(toPointColumns(points, truncated), { headers: { 'cache-control': 'private, no-store' } });
}
