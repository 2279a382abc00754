import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { leaseRequests, type QuotaWindow } from '@/lib/services/limits';

const windows = (second: number, minute: number): QuotaWindow[] => {
  const caller = randomUUID();
  return [
    { bucket: `test:${caller}:1`, seconds: 1, limit: second },
    { bucket: `test:${caller}:60`, seconds: 60, limit: minute },
  ];
};

describe('leaseRequests', () => {
  it('grants what the tightest window has left, and nothing from a spent window', async () => {
    const w = windows(3, 10);
    const first = await leaseRequests({ windows: w, want: 5 });
    expect(first.granted).toBe(3);
    expect(first.windows.map((x) => x.consumed)).toEqual([3, 3]);
    expect(first.windows[0]!.msLeft).toBeGreaterThan(0);
    expect(first.windows[0]!.msLeft).toBeLessThanOrEqual(1000);
    expect(first.windows[1]!.msLeft).toBeLessThanOrEqual(60_000);
    const second = await leaseRequests({ windows: w, want: 5 });
    expect(second.granted).toBe(0);
    // The minute window is charged only what the second window granted.
    expect(second.windows.map((x) => x.consumed)).toEqual([3, 3]);
  });

  it('starts a window afresh once it ended; a longer one keeps counting', async () => {
    const w = windows(3, 10);
    const first = await leaseRequests({ windows: w, want: 3 });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const next = await leaseRequests({ windows: w, want: 2 });
    expect(next.granted).toBe(2);
    expect(next.windows.map((x) => x.consumed)).toEqual([2, 5]);
    expect(next.windows[0]!.endsAt).not.toBe(first.windows[0]!.endsAt);
    expect(next.windows[1]!.endsAt).toBe(first.windows[1]!.endsAt);
  });

  it('never grants more than the limit to concurrent leases', async () => {
    const w = windows(1000, 25);
    const leases = await Promise.all(Array.from({ length: 60 }, () => leaseRequests({ windows: w, want: 1 })));
    expect(leases.reduce((sum, lease) => sum + lease.granted, 0)).toBe(25);
  });
});
