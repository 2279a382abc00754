import type { Page } from '@playwright/test';
import { expect, test, unique, type Tenant } from './support/fixtures';
import { screenshot } from './support/session';

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Fills the required fields except the coordinates. */
async function fillBasics(page: Page, tenant: Tenant, name: string) {
  await page.getByLabel('Customer (tenant)').selectOption({ label: tenant.name });
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Street and number').fill('Vredenburg 40');
  await page.getByLabel('Postal code').fill('3511 BD');
  await page.getByLabel('City').fill('Utrecht');
}

test('a CPO admin creates a location for a customer, picking the coordinates on the map', async ({
  page,
  makeTenant,
  makeUser,
  signIn,
}) => {
  const customer = await makeTenant({ kind: 'MUNICIPALITY' });
  await signIn(page, await makeUser('cpo_admin'));
  await page.goto('/locations');
  await page.getByRole('link', { name: 'New location' }).click();
  await expect(page.getByRole('heading', { name: 'New location' })).toBeVisible();

  const name = `E2E depot ${unique()}`;
  await fillBasics(page, customer, name);
  const tenantId = await page.getByLabel('Customer (tenant)').inputValue();
  expect(tenantId).toBe(customer.id);
  const latitude = page.getByLabel('Latitude');
  const longitude = page.getByLabel('Longitude');
  await expect(latitude).toHaveValue('');

  // No tiles in the test environment: the map still takes clicks on its plain background.
  const map = page.getByTestId('coordinate-map');
  await expect(map.locator('.leaflet-container')).toBeVisible();
  await map.click({ position: { x: 120, y: 100 } });
  await expect(latitude).not.toHaveValue('');
  await expect(longitude).not.toHaveValue('');
  const picked = { latitude: Number(await latitude.inputValue()), longitude: Number(await longitude.inputValue()) };
  expect(picked.latitude).toBeGreaterThan(45);
  expect(picked.latitude).toBeLessThan(60);
  await expect(map.locator('.location-pin')).toHaveCount(1);

  // A second click moves the pin.
  await map.click({ position: { x: 200, y: 160 } });
  await expect(latitude).not.toHaveValue(String(picked.latitude));
  picked.latitude = Number(await latitude.inputValue());
  picked.longitude = Number(await longitude.inputValue());

  await page.getByLabel('Parking type').selectOption('PARKING_GARAGE');
  await page.getByRole('group', { name: 'Facilities' }).getByLabel('Cafe').check();
  await page.getByLabel('Monday opens').fill('07:00');
  await page.getByLabel('Monday closes').fill('22:00');
  await page.getByLabel('Groups').fill('Binnenstad, E2E');
  await page.getByLabel('Contractor').fill('Voltwerk BV');
  await screenshot(page, 'location-form');

  await page.getByRole('button', { name: 'Create location' }).click();
  await expect(page).toHaveURL(/\/locations\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Stations at this location' })).toBeVisible();
  await expect(page.getByText('No stations are linked to this location.')).toBeVisible();
  await screenshot(page, 'location-created-detail');

  const id = page.url().split('/').pop();
  const response = await page.request.get(`/api/v2/locations/${id}`);
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({
    id,
    tenant_id: tenantId,
    name,
    city: 'Utrecht',
    coordinates: picked,
    parking_type: 'PARKING_GARAGE',
    facilities: ['CAFE'],
    custom_groups: ['Binnenstad', 'E2E'],
    opening_times: { twentyfourseven: false, regular_hours: [{ weekday: 1, period_begin: '07:00', period_end: '22:00' }] },
    maintenance: { contractor: 'Voltwerk BV' },
  });

  // Edit: the form is filled from the location; a change is saved with its version.
  await page.getByRole('link', { name: 'Edit location' }).click();
  await expect(page.getByLabel('Latitude')).toHaveValue(String(picked.latitude));
  await page.getByLabel('Open 24/7').check();
  await page.getByRole('button', { name: 'Save location' }).click();
  await expect(page).toHaveURL(/\/locations\/[0-9a-f-]{36}$/);
  await expect(page.getByText('Open 24/7')).toBeVisible();
  expect((await (await page.request.get(`/api/v2/locations/${id}`)).json()).version).toBe(2);
});

test('a latitude out of range is shown next to the field, and the form fits a phone', async ({ page, makeTenant, makeUser, signIn }) => {
  const customer = await makeTenant();
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, await makeUser('cpo_admin'));
  await page.goto('/locations/new');
  await fillBasics(page, customer, `E2E bad ${unique()}`);
  await page.getByLabel('Latitude').fill('123');
  await page.getByLabel('Longitude').fill('5.12');
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  await screenshot(page, 'location-form-phone');
  await page.getByRole('button', { name: 'Create location' }).click();

  const latitude = page.getByLabel('Latitude');
  await expect(latitude).toHaveAttribute('aria-invalid', 'true');
  const describedBy = await latitude.getAttribute('aria-describedby');
  await expect(page.locator(`[id="${describedBy}"]`)).toContainText('90');
  await expect(page).toHaveURL(/\/locations\/new$/);
  await expect(page.getByLabel('Longitude')).not.toHaveAttribute('aria-invalid', 'true');
});
