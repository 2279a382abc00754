import type { Page } from '@playwright/test';
import { expect, test, unique } from './support/fixtures';
import { screenshot } from './support/session';

/** No horizontal page scroll at the current viewport (tables scroll inside their container). */
async function expectNoPageScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

async function desktopAndPhone(page: Page, path: string, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(path);
  await screenshot(page, `${name}`);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expectNoPageScroll(page);
  await screenshot(page, `${name}-phone`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('a CPO admin adds a tenant, a tariff offered only to it, a location for it on the map form, and a hardware template with two EVSEs', async ({
  page,
  request,
  browser,
  makeTenant,
  makeUser,
  makeApiKey,
  signIn,
}) => {
  // Names a second run on the same server has not used yet; slugs and tariff codes are unique.
  const suffix = unique();
  const TENANT = `Zonnepark Noord ${suffix}`;
  const SLUG = `zonnepark-noord-${suffix}`;
  const TARIFF = `ZP-${suffix.toUpperCase()}-AC`;
  const TEMPLATE = `Zonnepark double AC ${suffix}`;
  // Another tenant, whose customer must never see the new tariff.
  const customerTenant = await makeTenant();
  const customerAdmin = await makeUser('customer_admin', customerTenant);
  const customerKey = await makeApiKey('customer_admin', customerTenant);
  await signIn(page, await makeUser('cpo_admin'));

  // Tenant: created through the form, then the same slug again is a clash shown at the slug field.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tenants' }).click();
  await expect(page.getByRole('heading', { name: 'Tenants', level: 1 })).toBeVisible();
  const newTenant = page.getByRole('form', { name: 'New tenant' });
  await newTenant.getByLabel('Name').fill(TENANT);
  await newTenant.getByLabel('Slug').fill(SLUG);
  await newTenant.getByLabel('Kind').selectOption('B2B');
  await newTenant.getByRole('button', { name: 'Create tenant' }).click();
  await expect(page).toHaveURL(/\/tenants\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: TENANT })).toBeVisible();
  const tenantId = page.url().split('/').pop()!;

  // Searched, so the row is on the first page however many tenants other runs added.
  await page.goto(`/tenants?q=${SLUG}`);
  await newTenant.getByLabel('Name').fill(`${TENANT} (again)`);
  await newTenant.getByLabel('Slug').fill(SLUG);
  await newTenant.getByRole('button', { name: 'Create tenant' }).click();
  await expect(newTenant.getByText('already used by another tenant')).toBeVisible();
  await expect(newTenant.getByLabel('Slug')).toHaveAttribute('aria-invalid', 'true');
  await expect(newTenant.getByRole('alert')).toContainText(`A tenant with slug "${SLUG}" already exists.`);
  await expect(page.locator('tbody tr', { hasText: SLUG })).toHaveCount(1);

  // Tariff offered only to the new tenant.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tariffs' }).click();
  const newTariff = page.getByRole('form', { name: 'New tariff' });
  await newTariff.getByLabel('Code').fill(TARIFF);
  await newTariff.getByLabel('Name').fill('Zonnepark AC');
  await newTariff.getByLabel('Energy price (per kWh)').fill('0.29');
  await newTariff.getByLabel('Session fee (per session)').fill('0,50');
  await newTariff.getByLabel('VAT %').fill('21');
  await newTariff.getByLabel('Only the tenants chosen below').check();
  await newTariff.getByLabel(TENANT).check();
  await newTariff.getByRole('button', { name: 'Create tariff' }).click();
  await expect(page).toHaveURL(new RegExp(`/tariffs/${TARIFF}$`));
  await expect(page.locator('dt:has-text("Offered to") + dd')).toHaveText(TENANT);
  await expect(page.locator('dt:has-text("Prices") + dd')).toHaveText('0.29 EUR per kWh · 0.5 EUR per session');
  await expect(page.locator('dt:has-text("VAT") + dd')).toHaveText('21%');

  // The API (same session) agrees: offered to exactly that tenant.
  const viaApi = await page.request.get(`/api/v2/tariffs/${TARIFF}`);
  expect(viaApi.status()).toBe(200);
  expect((await viaApi.json()).tenant_ids).toEqual([tenantId]);

  // Another tenant's customer never sees it: not by key, not in the portal.
  const other = await request.get(`/api/v2/tariffs/${TARIFF}`, { headers: customerKey.headers });
  expect(other.status()).toBe(404);
  const otherList = await request.get('/api/v2/tariffs?limit=1000', { headers: customerKey.headers });
  expect((await otherList.json()).data.map((t: { id: string }) => t.id)).not.toContain(TARIFF);
  const customer = await browser.newContext();
  const customerPage = await customer.newPage();
  await signIn(customerPage, customerAdmin);
  expect((await customerPage.goto(`/tariffs/${TARIFF}`))?.status()).toBe(404);
  await customerPage.goto('/tariffs');
  await expect(customerPage.getByRole('heading', { name: 'Tariffs', level: 1 })).toBeVisible();
  await expect(customerPage.getByRole('link', { name: TARIFF })).toHaveCount(0);
  await expect(customerPage.getByRole('form', { name: 'New tariff' })).toHaveCount(0);
  await screenshot(customerPage, 'tariffs-customer');
  await customer.close();

  // A location for the new tenant on the map form: the coordinates come from a click on the map.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Locations' }).click();
  await page.getByRole('link', { name: 'New location' }).click();
  await page.getByLabel('Customer (tenant)').selectOption({ label: TENANT });
  await page.getByLabel('Name', { exact: true }).fill(`${TENANT} P1`);
  await page.getByLabel('Street and number').fill('Zonneweg 1');
  await page.getByLabel('Postal code').fill('9711 AA');
  await page.getByLabel('City').fill('Groningen');
  const map = page.getByTestId('coordinate-map');
  await map.click({ position: { x: 150, y: 120 } });
  await expect(page.getByLabel('Latitude')).not.toHaveValue('');
  const picked = {
    latitude: Number(await page.getByLabel('Latitude').inputValue()),
    longitude: Number(await page.getByLabel('Longitude').inputValue()),
  };
  await page.getByRole('button', { name: 'Create location' }).click();
  await expect(page).toHaveURL(/\/locations\/[0-9a-f-]{36}$/);
  const location = await (await page.request.get(`/api/v2/locations/${page.url().split('/').pop()}`)).json();
  expect(location).toMatchObject({ tenant_id: tenantId, name: `${TENANT} P1`, coordinates: picked });
  // Deleting takes a second, explicit step; cancelling changes nothing.
  await page.getByRole('button', { name: 'Delete location…' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Delete location…' }).click();
  await page.getByRole('button', { name: 'Yes, delete location' }).click();
  await expect(page).toHaveURL(/\/locations$/);
  expect((await page.request.get(`/api/v2/locations/${location.id}`)).status()).toBe(404);

  // Hardware template with two EVSEs; a bad connector power is refused at its own field first.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Hardware templates' }).click();
  const newTemplate = page.getByRole('form', { name: 'New hardware template' });
  await newTemplate.getByLabel('Name', { exact: true }).fill(TEMPLATE);
  await newTemplate.getByLabel('Vendor').fill('Alfen');
  await newTemplate.getByLabel('Model').fill('Eve Double Pro-line');
  await newTemplate.getByLabel('Max power (kW)').fill('44');
  await newTemplate.getByRole('button', { name: 'Add EVSE' }).click();
  await newTemplate.getByLabel('EVSE 1: Label on the EVSE').fill('L');
  await newTemplate.getByLabel('EVSE 2: Label on the EVSE').fill('R');
  const power2 = newTemplate.getByLabel('EVSE 2, connector 1: Max power (W)');
  await power2.fill('0');
  await newTemplate.getByRole('button', { name: 'Create template' }).click();
  await expect(power2).toHaveAttribute('aria-invalid', 'true');
  await expect(newTemplate.getByLabel('Name', { exact: true })).toHaveValue(TEMPLATE);
  await power2.fill('22000');
  await newTemplate.getByRole('button', { name: 'Create template' }).click();
  await expect(page).toHaveURL(/\/hardware-templates\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: TEMPLATE })).toBeVisible();
  await expect(page.getByText('EVSE 2 — R')).toBeVisible();
  const templateId = page.url().split('/').pop()!;
  const template = await (await page.request.get(`/api/v2/hardware-templates/${templateId}`)).json();
  expect(template.evses).toHaveLength(2);
  expect(template.evses[1].connectors[0]).toMatchObject({ id: '1', standard: 'IEC_62196_T2', max_electric_power: 22000 });

  // Every catalog page, desktop and phone.
  await desktopAndPhone(page, '/tenants', 'tenants');
  await desktopAndPhone(page, `/tenants/${tenantId}`, 'tenant-detail');
  await desktopAndPhone(page, '/tariffs', 'tariffs');
  await desktopAndPhone(page, `/tariffs/${TARIFF}`, 'tariff-detail');
  await desktopAndPhone(page, '/hardware-templates', 'hardware-templates');
  await desktopAndPhone(page, `/hardware-templates/${templateId}`, 'hardware-template-detail');
});
