import type { Page } from '@playwright/test';
import { expect, test, unique } from './support/fixtures';
import { screenshot } from './support/session';

test('an account manager switches between their two tenants and cannot reach a third by URL', async ({
  page,
  makeTenant,
  makeUser,
  makeLocation,
  makeStations,
  signIn,
}) => {
  // Two tenants whose OCPP ids sort apart (GEM… before VAN…), and a third the manager does not hold.
  const suffix = unique().toUpperCase();
  const utrecht = await makeTenant({ name: `Gemeente ${suffix}`, kind: 'MUNICIPALITY' });
  const vanDijk = await makeTenant({ name: `Logistics ${suffix}` });
  const third = await makeTenant({ name: `Third ${suffix}` });
  const ocppId = (prefix: string) => (i: number) => ({ ocpp_id: `${prefix}-${suffix}-${i + 1}` });
  await makeStations(3, { location: await makeLocation(utrecht) }, ocppId('GEM'));
  await makeStations(3, { location: await makeLocation(vanDijk) }, ocppId('VAN'));
  const thirdLocation = await makeLocation(third);
  const [thirdStation] = await makeStations(1, { location: thirdLocation }, ocppId('THI'));
  const manager = await makeUser('account_manager', [utrecht, vanDijk]);

  const OCPP_ID = new RegExp(`^[A-Z]{3}-${suffix}-\\d+$`);
  /** OCPP ids in the stations table. */
  async function tableOcppIds(page: Page): Promise<string[]> {
    const ids = await page.getByRole('table', { name: 'Charge stations' }).locator('tbody tr td').allInnerTexts();
    return ids.filter((text) => OCPP_ID.test(text));
  }

  await signIn(page, manager);
  const switcher = page.getByLabel('Tenant', { exact: true });
  await expect(switcher.locator('option')).toHaveText(['All my tenants', utrecht.name, vanDijk.name]);

  // Sorted so that the unfocused view starts with the other tenant: the first row proves the switch.
  const firstOcppId = page.getByRole('table', { name: 'Charge stations' }).locator('tbody tr').first().getByText(OCPP_ID);
  await page.goto('/charge-stations?sort=ocpp_id');
  await expect(firstOcppId).toHaveText(/GEM-/);
  await switcher.selectOption({ label: vanDijk.name });
  await expect(firstOcppId).toHaveText(/VAN-/);
  await expect(page).toHaveURL(/\/charge-stations\?sort=ocpp_id$/);
  expect(await tableOcppIds(page)).toHaveLength(3);
  expect((await tableOcppIds(page)).every((id) => id.includes('VAN-'))).toBe(true);

  await page.goto('/charge-stations?sort=-ocpp_id');
  await expect(firstOcppId).toHaveText(/VAN-/);
  await page.getByLabel('Tenant', { exact: true }).selectOption({ label: utrecht.name });
  await expect(firstOcppId).toHaveText(/GEM-/);
  const focusedIds = await tableOcppIds(page);
  expect(focusedIds).toHaveLength(3);
  expect(focusedIds.every((id) => id.includes('GEM-'))).toBe(true);
  // The API answers the signed-in portal the same narrowed view.
  const focused = await (await page.request.get('/api/v2/charge-stations?limit=1000')).json();
  expect(new Set(focused.data.map((s: { tenant_id: string }) => s.tenant_id))).toEqual(new Set([utrecht.id]));
  await screenshot(page, 'account-manager-utrecht');

  // A third tenant's station and location: the same 404 as a missing page, in any view.
  for (const path of [`/charge-stations/${thirdStation!.id}`, `/locations/${thirdLocation.id}`]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  }
  await page.getByLabel('Tenant', { exact: true }).selectOption({ label: 'All my tenants' });
  const response = await page.goto(`/charge-stations/${thirdStation!.id}`);
  expect(response?.status()).toBe(404);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await screenshot(page, 'account-manager-dashboard-phone');
});
