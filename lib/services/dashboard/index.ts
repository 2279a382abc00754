import 'server-only';

export { getDashboardSummary } from './get-dashboard-summary';
