import { startTestRunEndpoint } from '@/lib/api/charge-stations';

// POST /api/v2/charge-stations/{id}/tests — start a commissioning test run
export const POST = startTestRunEndpoint;
