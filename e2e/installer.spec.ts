import { expect, test, unique, type List, type Station } from './support/fixtures';
import { chooseTenant, screenshot } from './support/session';

test.use({ viewport: { width: 390, height: 844 } });

/** A new pool station (no tenant, no location), found by its OCPP id. */
const poolOcppId = () => `POOL-${unique().toUpperCase()}`;

test('an installer on a phone finds a pool station, links it to a location, and runs the commissioning test', async ({
  page,
  makeTenant,
  makeUser,
  makeLocation,
  makeStation,
  signIn,
}) => {
  const tenant = await makeTenant({ kind: 'MUNICIPALITY' });
  const site = await makeLocation(tenant, { name: `Stationsplein ${unique()}`, city: 'Utrecht' });
  const { ocpp_id: ocppId } = await makeStation({}, { ocpp_id: poolOcppId() });

  await signIn(page, await makeUser('installer', tenant));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Installer' }).click();
  await page.getByLabel('OCPP id or serial number').fill(ocppId);
  await page.getByLabel('Location search (name, address, city)').fill(site.name);
  await page.getByRole('button', { name: 'Find' }).click();

  const card = page.getByRole('article', { name: `Station ${ocppId}` });
  await expect(card.getByText('not linked yet')).toBeVisible();
  const option = card.getByLabel('Location').locator('option').first();
  const locationId = await option.getAttribute('value');
  expect(locationId).toBe(site.id);
  await expect(option).toContainText('Utrecht');
  await card.getByRole('button', { name: 'Link to this location' }).click();
  await expect(card.getByText('linked to a location')).toBeVisible();

  // Nothing connects as this station: the run starts, then fails at its first step with advice.
  await card.getByRole('button', { name: 'Run commissioning test' }).click();
  await expect(card.getByRole('heading', { name: 'Latest test: Failed' })).toBeVisible({ timeout: 30_000 });
  await expect(card.getByTestId('test-step-connected')).toHaveAttribute('data-status', 'FAILED');
  await expect(card.getByTestId('test-step-connected')).toContainText('What to do:');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot(page, 'installer-phone');

  const found = (await (await page.request.get(`/api/v2/charge-stations?q=${ocppId}`)).json()) as List<Station>;
  expect(found.data).toHaveLength(1);
  expect(found.data[0]).toMatchObject({ location_id: site.id, tenant_id: tenant.id, commissioning_status: 'FAILED' });
});

test('with one tenant chosen in the switcher, the installer view still finds pool stations', async ({
  page,
  makeTenant,
  makeUser,
  makeStation,
  signIn,
}) => {
  const [first, second] = [await makeTenant(), await makeTenant()];
  const { ocpp_id: ocppId } = await makeStation({}, { ocpp_id: poolOcppId() });
  await signIn(page, await makeUser('installer', [first, second]));
  await chooseTenant(page, second.name);
  await page.goto(`/installer?station=${ocppId}`);
  const card = page.getByRole('article', { name: `Station ${ocppId}` });
  await expect(card.getByText('not linked yet')).toBeVisible();
  await expect(card.getByRole('button', { name: 'Link to this location' })).toBeVisible();
});

test('roles without station:link get no installer page', async ({ page, makeTenant, makeUser, signIn }) => {
  await signIn(page, await makeUser('viewer', await makeTenant()));
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Installer' })).toHaveCount(0);
  expect((await page.goto('/installer'))?.status()).toBe(404);
});

test.describe('locations near me', () => {
  // Near Utrecht centre; the browser reports this position.
  test.use({ geolocation: { latitude: 52.09, longitude: 5.12 } });

  test('an installer links a station to a location found near their position', async ({
    page,
    context,
    makeTenant,
    makeUser,
    makeLocation,
    makeStation,
    signIn,
  }) => {
    // A site about 60 m away, and one of about 1.5 km that the near-me radius leaves out.
    const tenant = await makeTenant({ kind: 'MUNICIPALITY' });
    const site = await makeLocation(tenant, {
      name: `Near-me site ${unique()}`,
      address: 'Lange Viestraat 2',
      coordinates: { latitude: 52.0905, longitude: 5.1206 },
    });
    await makeLocation(tenant, { name: `Far site ${unique()}`, coordinates: { latitude: 52.1035, longitude: 5.1201 } });
    const { ocpp_id: ocppId } = await makeStation({}, { ocpp_id: poolOcppId() });

    await context.grantPermissions(['geolocation']);
    await signIn(page, await makeUser('installer', tenant));
    await page.goto('/installer');
    await page.getByLabel('OCPP id or serial number').fill(ocppId);
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('button', { name: 'Locations near me' }).click();
    await expect(page).toHaveURL(/near=52\.09/);
    await expect(page).toHaveURL(new RegExp(`station=${ocppId}`));

    const nearby = page.getByRole('region', { name: 'Locations near you' });
    await expect(nearby.getByRole('listitem').first()).toContainText(site.name);
    await expect(nearby.getByRole('listitem').first()).toContainText(/\d+ m/);
    await expect(nearby.getByRole('listitem')).toHaveCount(1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'installer-near-me-phone');

    const card = page.getByRole('article', { name: `Station ${ocppId}` });
    await expect(card.getByLabel('Location').locator('option').first()).toHaveAttribute('value', site.id);
    await card.getByRole('button', { name: 'Link to this location' }).click();
    await expect(card.getByText('linked to a location')).toBeVisible();
    const station = ((await (await page.request.get(`/api/v2/charge-stations?q=${ocppId}`)).json()) as List<Station>).data[0];
    expect(station).toMatchObject({ location_id: site.id, tenant_id: site.tenant_id });
  });

  test('without location access the installer is told so and keeps the search', async ({ page, context, makeTenant, makeUser, signIn }) => {
    await context.clearPermissions();
    await signIn(page, await makeUser('installer', await makeTenant()));
    await page.goto('/installer');
    await page.getByRole('button', { name: 'Locations near me' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Location access was denied' })).toBeVisible();
    await expect(page.getByLabel('Location search (name, address, city)')).toBeVisible();
  });
});
