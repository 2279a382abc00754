import { describe, expect, it } from 'vitest';
import { linearTrend, Recorder, routePattern, rssTrend } from '@/scripts/soak-report';

describe('soak report', () => {
  it('groups requests by route pattern: ids, query names without values, cursor pages apart', () => {
    const id = '0b7e4c1a-9a43-4d8e-9a6e-2f1c3b5d7e90';
    expect(routePattern('GET', `/api/v2/charge-stations/${id}`)).toBe('GET /api/v2/charge-stations/{id}');
    expect(routePattern('GET', '/charge-stations?status=AVAILABLE&sort=name')).toBe('GET /charge-stations?sort&status');
    expect(routePattern('GET', '/api/v2/locations?limit=100&q=Gent&cursor=abc')).toBe('GET /api/v2/locations?limit&q +cursor');
  });

  it('counts expected 4xx apart from errors, and faults as errors without a request', () => {
    const recorder = new Recorder();
    recorder.record('PATCH /x', 10, 'ok', '200');
    recorder.record('PATCH /x', 20, 'expected', '412');
    recorder.record('PATCH /x', 30, 'error', '500', 'request id r1');
    recorder.fault('POST /y', 'wrong replay', 'another object');
    expect(recorder.totals()).toEqual({ requests: 3, ok: 1, expected_4xx: 1, errors: 2 });
    expect(recorder.routeRows()[0]).toMatchObject({ route: 'PATCH /x', requests: 3, errors: 1, p50_ms: 20, max_ms: 30 });
    expect(recorder.errorSamples.map((e) => e.status)).toEqual(['500', 'wrong replay']);
  });

  it('finds a steady climb and not a sawtooth around a flat level', () => {
    const climbing = Array.from({ length: 25 }, (_, i) => ({ t_s: i * 10, rss_mib: 400 + i * 0.5 + (i % 2) }));
    expect(linearTrend(climbing).slope_mib_per_min).toBeCloseTo(3, 0);
    expect(rssTrend(climbing, 60)).toMatchObject({ upward: true, window_samples: 19 });

    const sawtooth = Array.from({ length: 25 }, (_, i) => ({ t_s: i * 10, rss_mib: 400 + (i % 3) * 15 }));
    expect(rssTrend(sawtooth, 60).upward).toBe(false);
  });
});
