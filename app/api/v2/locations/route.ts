import { apiRoute, parseQuery, resourceResponse } from '@/lib/http/api-route';
import { readJsonObject } from '@/lib/http/body';
import { locationCreateSchema, locationListQuerySchema } from '@/lib/schemas/location';
import { parseOrThrow } from '@/lib/schemas/parse';
import { createLocation, listLocations } from '@/lib/services/locations';

// GET /api/v2/locations — list the caller's locations (filters, keyset cursor)
export const GET = apiRoute(async ({ request, ctx }) =>
  Response.json(await listLocations({ ctx, query: parseQuery(locationListQuerySchema, request) })),
);

// POST /api/v2/locations — create a location
export const POST = apiRoute(async ({ request, ctx }) => {
  const input = parseOrThrow(locationCreateSchema, await readJsonObject(request));
  return resourceResponse(await createLocation({ ctx, input }), { created: 'locations' });
});
