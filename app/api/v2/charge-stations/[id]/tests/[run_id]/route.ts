import { getTestRunEndpoint } from '@/lib/api/charge-stations';

// GET /api/v2/charge-stations/{id}/tests/{run_id} — one test run with its steps
export const GET = getTestRunEndpoint;
