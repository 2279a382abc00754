import { expect, test } from '@playwright/test';
import { DEMO_API_KEYS } from '@/lib/seed/demo-accounts';
import { screenshot, signIn } from './support/session';

const bearer = (tenant: string) => ({ authorization: `Bearer ${DEMO_API_KEYS.find((k) => k.tenant === tenant)!.secret}` });

const OCPP_ID = /^(NEW-)?[A-Z]{3}-\d+$/;

/** OCPP ids in the stations table (the demo seed prefixes them with the tenant: GEM-, VAN-, VVE-). */
async function tableOcppIds(page: import('@playwright/test').Page): Promise<string[]> {
  const ids = await page.getByRole('table', { name: 'Charge stations' }).locator('tbody tr td').allInnerTexts();
  return ids.filter((text) => OCPP_ID.test(text));
}

test('an account manager switches between their two tenants and cannot reach a third by URL', async ({ page, request }) => {
  await signIn(page, 'manager@cpo.example');
  const switcher = page.getByLabel('Tenant', { exact: true });
  await expect(switcher.locator('option')).toHaveText(['All my tenants', 'Gemeente Utrecht', 'Van Dijk Logistics']);

  // Sorted so that the unfocused view starts with the other tenant: the first row proves the switch.
  const firstOcppId = page.getByRole('table', { name: 'Charge stations' }).locator('tbody tr').first().getByText(OCPP_ID);
  await page.goto('/charge-stations?sort=ocpp_id');
  await expect(firstOcppId).toHaveText(/GEM-/);
  await switcher.selectOption({ label: 'Van Dijk Logistics' });
  await expect(firstOcppId).toHaveText(/VAN-/);
  await expect(page).toHaveURL(/\/charge-stations\?sort=ocpp_id$/);
  expect((await tableOcppIds(page)).every((id) => id.includes('VAN-'))).toBe(true);

  await page.goto('/charge-stations?sort=-ocpp_id');
  await expect(firstOcppId).toHaveText(/VAN-/);
  await page.getByLabel('Tenant', { exact: true }).selectOption({ label: 'Gemeente Utrecht' });
  await expect(firstOcppId).toHaveText(/GEM-/);
  const utrecht = await tableOcppIds(page);
  expect(utrecht.length).toBeGreaterThan(0);
  expect(utrecht.every((id) => id.includes('GEM-'))).toBe(true);
  // The API answers the signed-in portal the same narrowed view.
  const focused = await (await page.request.get('/api/v2/charge-stations?limit=1000')).json();
  expect(new Set(focused.data.map((s: { tenant_id: string }) => s.tenant_id)).size).toBe(1);
  await screenshot(page, 'account-manager-utrecht');

  // A third tenant's station and location: the same 404 as a missing page, in any view.
  const third = await (await request.get('/api/v2/charge-stations?limit=1', { headers: bearer('vve-parkzicht') })).json();
  const thirdLocation = await (await request.get('/api/v2/locations?limit=1', { headers: bearer('vve-parkzicht') })).json();
  for (const path of [`/charge-stations/${third.data[0].id}`, `/locations/${thirdLocation.data[0].id}`]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  }
  await page.getByLabel('Tenant', { exact: true }).selectOption({ label: 'All my tenants' });
  const response = await page.goto(`/charge-stations/${third.data[0].id}`);
  expect(response?.status()).toBe(404);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await screenshot(page, 'account-manager-dashboard-phone');
});
