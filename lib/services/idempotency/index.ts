import 'server-only';

export { claimIdempotencyKey } from './claim-idempotency-key';
export { completeIdempotencyKey } from './complete-idempotency-key';
export type { IdempotencyScope, StoredResponse } from './key-scope';
