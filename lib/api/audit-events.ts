import type { Endpoint } from '@/lib/http/endpoint';

export const auditEventsEndpoints: Endpoint[] = [];
