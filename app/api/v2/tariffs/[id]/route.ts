import { deleteTariffEndpoint, getTariffEndpoint, replaceTariffEndpoint } from '@/lib/api/tariffs';
import { otherMethods } from '@/lib/http/route-fallbacks';

// GET /api/v2/tariffs/{id} — one tariff
export const GET = getTariffEndpoint;
// PUT /api/v2/tariffs/{id} — replace a tariff
export const PUT = replaceTariffEndpoint;
// DELETE /api/v2/tariffs/{id} — soft-delete a tariff
export const DELETE = deleteTariffEndpoint;
// Any other method — 405 problem+json with Allow
export const { POST, PATCH, OPTIONS } = otherMethods(GET, PUT, DELETE);
