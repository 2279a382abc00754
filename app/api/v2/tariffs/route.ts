import { createTariffEndpoint, listTariffsEndpoint } from '@/lib/api/tariffs';
import { otherMethods } from '@/lib/http/route-fallbacks';

// GET /api/v2/tariffs — list the tariffs catalog
export const GET = listTariffsEndpoint;
// POST /api/v2/tariffs — create a tariff
export const POST = createTariffEndpoint;
// Any other method — 405 problem+json with Allow
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods(GET, POST);
