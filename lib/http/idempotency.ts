import { createHash } from 'node:crypto';

// The keys are stored and replayed by the service; the wrapper only sees the raw request body.
export { claimIdempotencyKey, completeIdempotencyKey, type IdempotencyScope as Scope } from '@/lib/services/idempotency';

export const hashBody = (body: string) => createHash('sha256').update(body).digest('hex');
