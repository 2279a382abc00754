import 'server-only';

export { checkHealth } from './check-health';
