import 'server-only';

export { listAuditEvents } from './list-audit-events';
