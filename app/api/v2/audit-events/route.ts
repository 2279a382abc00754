import { listAuditEventsEndpoint } from '@/lib/api/audit-events';

// GET /api/v2/audit-events — list audit events
export const GET = listAuditEventsEndpoint;
