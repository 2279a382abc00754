import { apiRoute, ifMatchVersion, resourceResponse } from '@/lib/http/api-route';
import { readJsonObject } from '@/lib/http/body';
import { getLocation, updateLocation } from '@/lib/services/locations';

// GET /api/v2/locations/{id} — one location
export const GET = apiRoute<{ id: string }>(async ({ ctx, params }) =>
  resourceResponse(await getLocation({ ctx, id: params.id })),
);

// PATCH /api/v2/locations/{id} — JSON merge patch of a location
export const PATCH = apiRoute<{ id: string }>(async ({ request, ctx, params }) => {
  const body = await readJsonObject(request);
  const location = await updateLocation({ ctx, id: params.id, body, mode: 'merge', expectedVersion: ifMatchVersion(request) });
  return resourceResponse(location);
});
