import { defineEndpoint } from '@/lib/http/endpoint';
import { auditEventListQuerySchema, auditEventListSchema } from '@/lib/schemas/audit-event';
import { listAuditEvents } from '@/lib/services/audit-events';

const tag = 'Audit events';

export const listAuditEventsEndpoint = defineEndpoint({
  method: 'GET',
  path: '/api/v2/audit-events',
  operationId: 'listAuditEvents',
  summary: 'List audit events',
  description:
    'Needs `audit:read`: CPO-wide callers see every event, others the events of tenants where they hold it. Oldest first by default (`sort=-at` for newest first); keyset-paginated.',
  tag,
  query: auditEventListQuerySchema,
  success: { status: 200, description: 'A page of audit events', schema: auditEventListSchema },
  handler: async ({ ctx, query }) => Response.json(await listAuditEvents({ ctx, query })),
});

export const auditEventsEndpoints = [listAuditEventsEndpoint];
