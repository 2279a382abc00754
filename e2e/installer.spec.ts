import { expect, test } from '@playwright/test';
import { DEMO_API_KEYS } from '@/lib/seed/demo-accounts';
import { chooseTenant, screenshot, signIn } from './support/session';

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

test('with one tenant chosen in the switcher, the installer view still finds pool stations', async ({ page }) => {
  await signIn(page, 'installer@cpo.example');
  await chooseTenant(page, 'Van Dijk Logistics');
  await page.goto('/installer?station=POOL-004');
  const card = page.getByRole('article', { name: 'Station POOL-004' });
  await expect(card.getByText('not linked yet')).toBeVisible();
  await expect(card.getByRole('button', { name: 'Link to this location' })).toBeVisible();
});

test('roles without station:link get no installer page', async ({ page }) => {
  await signIn(page, 'viewer@utrecht.example');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Installer' })).toHaveCount(0);
  expect((await page.goto('/installer'))?.status()).toBe(404);
});

test.describe('locations near me', () => {
  // Near Utrecht centre; the browser reports this position.
  test.use({ geolocation: { latitude: 52.09, longitude: 5.12 } });

  test('an installer links a station to a location found near their position', async ({ page, context, request }) => {
    // A site about 60 m away (the demo locations are over 1 km from this point).
    const key = DEMO_API_KEYS.find((k) => k.tenant === 'gemeente-utrecht')!.secret;
    const created = await request.post('/api/v2/locations', {
      headers: { authorization: `Bearer ${key}` },
      data: {
        name: `Near-me site ${Date.now()}`,
        address: 'Lange Viestraat 2',
        city: 'Utrecht',
        country: 'NLD',
        coordinates: { latitude: 52.0905, longitude: 5.1206 },
      },
    });
    expect(created.status()).toBe(201);
    const site = await created.json();

    await context.grantPermissions(['geolocation']);
    await signIn(page, 'installer@cpo.example');
    await page.goto('/installer');
    await page.getByLabel('OCPP id or serial number').fill('POOL-005');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('button', { name: 'Locations near me' }).click();
    await expect(page).toHaveURL(/near=52\.09/);
    await expect(page).toHaveURL(/station=POOL-005/);

    const nearby = page.getByRole('region', { name: 'Locations near you' });
    await expect(nearby.getByRole('listitem').first()).toContainText(site.name);
    await expect(nearby.getByRole('listitem').first()).toContainText(/\d+ m/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'installer-near-me-phone');

    const card = page.getByRole('article', { name: 'Station POOL-005' });
    await expect(card.getByLabel('Location').locator('option').first()).toHaveAttribute('value', site.id);
    await card.getByRole('button', { name: 'Link to this location' }).click();
    await expect(card.getByText('linked to a location')).toBeVisible();
    const station = (await (await page.request.get('/api/v2/charge-stations?q=POOL-005')).json()).data[0];
    expect(station).toMatchObject({ location_id: site.id, tenant_id: site.tenant_id });
  });

  test('without location access the installer is told so and keeps the search', async ({ page, context }) => {
    await context.clearPermissions();
    await signIn(page, 'installer@cpo.example');
    await page.goto('/installer');
    await page.getByRole('button', { name: 'Locations near me' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Location access was denied' })).toBeVisible();
    await expect(page.getByLabel('Location search (name, address, city)')).toBeVisible();
  });
});
