import 'server-only';

export { getDashboardSummary, type DashboardSummary } from './get-dashboard-summary';
