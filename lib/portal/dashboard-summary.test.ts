import { describe, expect, it } from 'vitest';
import { makeStation, makeTenant, userContext } from '@/test/fixtures';
import { cachedDashboardSummary, DASHBOARD_MAX_AGE_MS, dashboardScopeKey } from './dashboard-summary';

describe('cachedDashboardSummary', () => {
  it('keys the kept summary by scope: another customer never gets it, the same scope does until it is too old', async () => {
    const own = (await makeTenant('Cached')).id;
    const other = (await makeTenant('Other cached')).id;
    await makeStation(own);
    await makeStation(other);
    await makeStation(other);
    const mine = await userContext('viewer', [own]);
    const theirs = await userContext('viewer', [other]);
    expect(dashboardScopeKey(mine)).not.toBe(dashboardScopeKey(theirs));
    expect(dashboardScopeKey({ ...mine, focusTenantId: own })).not.toBe(dashboardScopeKey(await userContext('viewer', [own, other])));

    const now = Date.now();
    expect((await cachedDashboardSummary(mine, now)).stations).toBe(1);
    expect((await cachedDashboardSummary(theirs, now)).stations).toBe(2);

    // Within the window the same scope (here: another user of the same tenant) shares the kept counts.
    await makeStation(own);
    const colleague = await userContext('viewer', [own]);
    expect((await cachedDashboardSummary(colleague, now + 1)).stations).toBe(1);
    expect((await cachedDashboardSummary(colleague, now + DASHBOARD_MAX_AGE_MS)).stations).toBe(2);
  });
});
