import { setTariffsEndpoint } from '@/lib/api/charge-stations';
import { otherMethods } from '@/lib/http/route-fallbacks';

// PUT /api/v2/charge-stations/{id}/tariffs — tariff codes of the connectors
export const PUT = setTariffsEndpoint;
// Any other method — 405 problem+json with Allow
export const { GET, POST, PATCH, DELETE, OPTIONS } = otherMethods(PUT);
