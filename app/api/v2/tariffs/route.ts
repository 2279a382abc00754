import { createTariffEndpoint, listTariffsEndpoint } from '@/lib/api/tariffs';

// GET /api/v2/tariffs — list the tariffs catalog
export const GET = listTariffsEndpoint;
// POST /api/v2/tariffs — create a tariff
export const POST = createTariffEndpoint;
