import { importErrorReportEndpoint } from '@/lib/api/imports';
import { otherMethods } from '@/lib/http/route-fallbacks';

// GET /api/v2/imports/{id}/error-report — the failed rows as CSV
export const GET = importErrorReportEndpoint;
// Any other method — 405 problem+json with Allow
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(GET);
