import 'server-only';

export { retryOnce } from '@/lib/db/faults';
export { unavailableError } from './unavailable-error';
