// The bookkeeping half of `npm run soak`: per-route outcomes and latencies, the RSS trend, and the
// printed table. Pure (no I/O but console), so the figures it derives are easy to check.
import { percentile, printTable } from './bench-helpers';

/** ok: the status the scenario wants; expected: a 4xx it provokes on purpose (e.g. 412 on a stale If-Match); error: anything else. */
export type Outcome = 'ok' | 'expected' | 'error';

type RouteStats = { latenciesMs: number[]; ok: number; expected: number; errors: number; statuses: Map<string, number> };

export type ErrorSample = { at_s: number; route: string; status: string; detail: string };

const ERROR_SAMPLES_KEPT = 30;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * The route pattern a request is reported under: method, path with ids as `{id}`, the names of its
 * query parameters (values differ per request), and whether it followed a cursor.
 */
export function routePattern(method: string, pathAndQuery: string): string {
  const url = new URL(pathAndQuery, 'http://soak');
  const keys = [...new Set(url.searchParams.keys())].filter((k) => k !== 'cursor').sort();
  const path = url.pathname.replace(UUID, '{id}');
  return `${method} ${path}${keys.length ? `?${keys.join('&')}` : ''}${url.searchParams.has('cursor') ? ' +cursor' : ''}`;
}

export class Recorder {
  private readonly routes = new Map<string, RouteStats>();
  readonly errorSamples: ErrorSample[] = [];
  private readonly startedAt = performance.now();
  private faults = 0;

  record(route: string, latencyMs: number, outcome: Outcome, status: string, detail = '') {
    let stats = this.routes.get(route);
    if (!stats) this.routes.set(route, (stats = { latenciesMs: [], ok: 0, expected: 0, errors: 0, statuses: new Map() }));
    stats.latenciesMs.push(latencyMs);
    stats.statuses.set(status, (stats.statuses.get(status) ?? 0) + 1);
    if (outcome === 'ok') stats.ok++;
    else if (outcome === 'expected') stats.expected++;
    else {
      stats.errors++;
      this.sample(route, status, detail);
    }
  }

  /** An error that is not a request of its own (a replay that answered another object, an exception in the scenario). */
  fault(route: string, status: string, detail: string) {
    this.faults++;
    this.sample(route, status, detail);
  }

  private sample(route: string, status: string, detail: string) {
    if (this.errorSamples.length >= ERROR_SAMPLES_KEPT) return;
    const at_s = Math.round((performance.now() - this.startedAt) / 100) / 10;
    this.errorSamples.push({ at_s, route, status, detail: detail.slice(0, 300) });
  }

  totals() {
    let requests = 0;
    let ok = 0;
    let expected = 0;
    let errors = this.faults;
    for (const s of this.routes.values()) {
      requests += s.latenciesMs.length;
      ok += s.ok;
      expected += s.expected;
      errors += s.errors;
    }
    return { requests, ok, expected_4xx: expected, errors };
  }

  /** One row per route pattern, portal pages first, then by name. */
  routeRows() {
    return [...this.routes.entries()]
      .sort(([a], [b]) => Number(a.includes('/api/')) - Number(b.includes('/api/')) || a.localeCompare(b))
      .map(([route, s]) => ({
        route,
        requests: s.latenciesMs.length,
        ok: s.ok,
        expected_4xx: s.expected,
        errors: s.errors,
        statuses: Object.fromEntries(s.statuses),
        p50_ms: round(percentile(s.latenciesMs, 50)),
        p95_ms: round(percentile(s.latenciesMs, 95)),
        p99_ms: round(percentile(s.latenciesMs, 99)),
        max_ms: round(Math.max(0, ...s.latenciesMs)),
      }));
  }
}

export type Sample = { t_s: number; rss_mib: number };

/** Least-squares line through the samples: slope in MiB per minute and the share of variance it explains. */
export function linearTrend(samples: Sample[]): { slope_mib_per_min: number; r2: number } {
  const n = samples.length;
  if (n < 3) return { slope_mib_per_min: 0, r2: 0 };
  const mt = samples.reduce((sum, s) => sum + s.t_s, 0) / n;
  const mv = samples.reduce((sum, s) => sum + s.rss_mib, 0) / n;
  let stv = 0;
  let stt = 0;
  let svv = 0;
  for (const s of samples) {
    stv += (s.t_s - mt) * (s.rss_mib - mv);
    stt += (s.t_s - mt) ** 2;
    svv += (s.rss_mib - mv) ** 2;
  }
  const slope = stt ? stv / stt : 0;
  const r2 = stt && svv ? (stv * stv) / (stt * svv) : 0;
  return { slope_mib_per_min: round(slope * 60, 2), r2: round(r2, 2) };
}

/**
 * Upward means memory keeps growing, not just moving: more than 1 MiB/min over the window and a
 * line that explains at least half the variance (a GC sawtooth around a flat level does not).
 */
export const UPWARD = { slopeMibPerMin: 1, r2: 0.5 };

export function rssTrend(samples: Sample[], windowFromS: number) {
  const window = samples.filter((s) => s.t_s >= windowFromS);
  const { slope_mib_per_min, r2 } = linearTrend(window);
  return {
    window_from_s: windowFromS,
    window_samples: window.length,
    slope_mib_per_min,
    r2,
    upward: slope_mib_per_min > UPWARD.slopeMibPerMin && r2 >= UPWARD.r2,
  };
}

export function printRoutes(rows: ReturnType<Recorder['routeRows']>) {
  printTable(
    ['route', 'requests', 'ok', '4xx exp.', 'errors', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
    rows.map((r) => [
      r.route,
      String(r.requests),
      String(r.ok),
      String(r.expected_4xx),
      String(r.errors),
      ...[r.p50_ms, r.p95_ms, r.p99_ms, r.max_ms].map((ms) => ms.toFixed(0)),
    ]),
  );
}

export function round(n: number, digits = 1) {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
