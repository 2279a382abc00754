import 'server-only';
import { visibility, type AuthContext } from '@/lib/auth/context';
import { getDashboardSummary, type DashboardSummary } from '@/lib/services/dashboard';

/**
 * How stale the portal's dashboard may be. Its counts scan every visible station (hundreds of
 * milliseconds at 200k), and the page refreshes itself live, so each scope's summary is computed
 * at most once per window and shared by everyone who sees the same stations and locations.
 */
export const DASHBOARD_MAX_AGE_MS = 5_000;

/** Scopes kept at once; beyond it the oldest entry goes (a bound on memory, not a tuning knob). */
const MAX_SCOPES = 500;

type Entry = { at: number; summary: Promise<DashboardSummary> };
const entries = new Map<string, Entry>();

/** What the summary depends on: where the caller may read stations and locations (incl. the tenant switcher). */
export function dashboardScopeKey(ctx: AuthContext): string {
  const key = (vis: ReturnType<typeof visibility>) =>
    vis.allTenants ? 'all' : `${[...vis.tenantIds].sort().join(',')}|${vis.pool ? 'pool' : ''}`;
  return `${key(visibility(ctx, 'station:read'))};${key(visibility(ctx, 'location:read'))}`;
}

/** The dashboard summary for the caller's scope, at most DASHBOARD_MAX_AGE_MS old. */
export function cachedDashboardSummary(ctx: AuthContext, now = Date.now()): Promise<DashboardSummary> {
  const scope = dashboardScopeKey(ctx);
  const kept = entries.get(scope);
  if (kept && now - kept.at < DASHBOARD_MAX_AGE_MS) return kept.summary;
  const summary = getDashboardSummary({ ctx });
  entries.delete(scope);
  entries.set(scope, { at: now, summary });
  // A failed computation is not kept: the next request tries again.
  summary.catch(() => entries.get(scope)?.summary === summary && entries.delete(scope));
  if (entries.size > MAX_SCOPES) entries.delete(entries.keys().next().value!);
  return summary;
}
