export { getDashboardSummary } from './get-dashboard-summary';
