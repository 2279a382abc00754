import 'server-only';

export {
  getDashboardSummary,
  type ConnectivityHour,
  type DashboardSummary,
  type StationBrief,
  type StatusChange,
  type TenantStatusCounts,
} from './get-dashboard-summary';
