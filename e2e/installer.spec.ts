import { expect, test } from '@playwright/test';
import { screenshot, signIn } from './support/session';

test.use({ viewport: { width: 390, height: 844 } });

test('an installer on a phone finds a pool station, links it to a location, and runs the commissioning test', async ({ page }) => {
  await signIn(page, 'installer@cpo.example');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Installer' }).click();
  await page.getByLabel('OCPP id or serial number').fill('POOL-003');
  await page.getByLabel('Location search (name, address, city)').fill('Utrecht Stationsplein');
  await page.getByRole('button', { name: 'Find' }).click();

  const card = page.getByRole('article', { name: 'Station POOL-003' });
  await expect(card.getByText('not linked yet')).toBeVisible();
  const option = card.getByLabel('Location').locator('option').first();
  const locationId = await option.getAttribute('value');
  await expect(option).toContainText('Utrecht');
  await card.getByRole('button', { name: 'Link to this location' }).click();
  await expect(card.getByText('linked to a location')).toBeVisible();

  await card.getByRole('button', { name: 'Run commissioning test' }).click();
  await expect(card.getByRole('heading', { name: 'Latest test: FAILED' })).toBeVisible();
  await expect(card.getByText('connected — station has not connected')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot(page, 'installer-phone');

  const found = await (await page.request.get('/api/v2/charge-stations?q=POOL-003')).json();
  const station = found.data[0];
  const location = await (await page.request.get(`/api/v2/locations/${locationId}`)).json();
  expect(station).toMatchObject({ location_id: locationId, tenant_id: location.tenant_id, commissioning_status: 'FAILED' });
});

test('roles without station:link get no installer page', async ({ page }) => {
  await signIn(page, 'viewer@utrecht.example');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Installer' })).toHaveCount(0);
  expect((await page.goto('/installer'))?.status()).toBe(404);
});
