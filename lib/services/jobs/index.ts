import 'server-only';

export { startBackgroundJobs } from './start-background-jobs';
