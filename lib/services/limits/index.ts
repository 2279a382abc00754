import 'server-only';

export { leaseRequests, type Lease, type QuotaWindow, type WindowState } from './lease-requests';
