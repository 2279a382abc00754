import { setTariffsEndpoint } from '@/lib/api/charge-stations';

// PUT /api/v2/charge-stations/{id}/tariffs — tariff codes of the connectors
export const PUT = setTariffsEndpoint;
