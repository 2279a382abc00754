import { auditEventListQuerySchema, auditEventListSchema } from '@/lib/schemas/audit-event';
import { listAuditEvents } from '@/lib/services/audit-events';
import { listEndpoint } from './resource-endpoints';

const tag = 'Audit events';

export const listAuditEventsEndpoint = listEndpoint({
  path: '/api/v2/audit-events',
  tag,
  name: 'AuditEvents',
  noun: 'audit events',
  description:
    'Needs `audit:read`: CPO-wide callers see every event, others the events of tenants where they hold it. Oldest first by default (`sort=-at` for newest first); keyset-paginated.',
  query: auditEventListQuerySchema,
  schema: auditEventListSchema,
  run: listAuditEvents,
});

export const auditEventsEndpoints = [listAuditEventsEndpoint];
