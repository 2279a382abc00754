import { listAuditEventsEndpoint } from '@/lib/api/audit-events';
import { otherMethods } from '@/lib/http/route-fallbacks';

// GET /api/v2/audit-events — list audit events
export const GET = listAuditEventsEndpoint;
// Any other method — 405 problem+json with Allow
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(GET);
