import 'server-only';

export { databaseFault, retryOnce, type DatabaseFault } from '@/lib/db/faults';
export { unavailableError } from './unavailable-error';
