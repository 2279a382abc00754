import { expect, test as base, unique, type Location, type Tenant } from './support/fixtures';
import { audit } from './support/audit';
import { screenshot } from './support/session';

// Every test here gets a tenant of its own with four locations of two stations each, named so that
// the creation order is not the name order; two of them have "Garage" in their name.
const NAMES = ['Depot Noord', 'Garage Oost', 'Centrum', 'Garage Zuid'];

const test = base.extend<{ site: { tenant: Tenant; locations: Location[] } }>({
  site: async ({ makeTenant, makeLocation, makeStations }, provide) => {
    const tenant = await makeTenant({ kind: 'CONDOMINIUM' });
    const locations: Location[] = [];
    for (const [i, name] of NAMES.entries()) {
      const location = await makeLocation(tenant, {
        name: `${name} ${unique()}`,
        coordinates: { latitude: 52.08 + i * 0.01, longitude: 5.1 + i * 0.01 },
      });
      await makeStations(2, { location });
      locations.push(location);
    }
    await provide({ tenant, locations });
  },
});

test('a customer operator sees only their tenant’s locations, opens one, and gets 404 for another tenant’s', async ({
  page,
  api,
  site,
  makeTenant,
  makeUser,
  makeLocation,
  signIn,
}) => {
  const otherId = (await makeLocation(await makeTenant())).id;
  const own = await api.get<{ data: Location[] }>(`/locations?tenant=${site.tenant.id}&limit=1000`);
  const ownIds = own.data.map((l) => l.id);
  expect(ownIds).toHaveLength(NAMES.length);
  expect(own.data.every((l) => l.stations_count === 2)).toBe(true);
  expect(ownIds).not.toContain(otherId);

  await signIn(page, await makeUser('customer_operator', site.tenant));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Locations' }).click();
  await expect(page.getByRole('heading', { name: 'Locations' })).toBeVisible();
  const rows = page.locator('tbody tr');
  await expect(rows).toHaveCount(NAMES.length);
  // The map's markers also as a server-rendered list (no tiles in tests, and it works without JS).
  const markerList = page.getByRole('region', { name: 'On the map' });
  await expect(markerList.getByRole('link')).toHaveCount(NAMES.length);
  // On the map every location is a marker or counted in a cluster.
  const map = page.getByRole('region', { name: 'Map of the locations' });
  await expect(map.locator('.leaflet-container')).toHaveAttribute('data-basemap', 'drawn');
  await expect
    .poll(() =>
      map.evaluate((el) =>
        [...el.querySelectorAll<HTMLElement>('[data-map-point], [data-map-cluster]')].reduce(
          (sum, marker) => sum + Number(marker.dataset.mapCluster ?? 1),
          0,
        ),
      ),
    )
    .toBe(NAMES.length);
  await expect(page.getByText('Offline basemap')).toBeVisible();
  await screenshot(page, 'locations');

  const firstLink = rows.first().getByRole('link');
  const href = await firstLink.getAttribute('href');
  expect(ownIds).toContain(href!.split('/').pop());
  await firstLink.click();
  await expect(page.getByText('Coordinates')).toBeVisible();
  const stations = page.getByRole('table', { name: 'Stations at this location' }).locator('tbody tr');
  await expect(stations).toHaveCount(2);
  await expect(stations.first().getByRole('link')).toHaveAttribute('href', /^\/charge-stations\/[0-9a-f-]{36}$/);
  // A customer operator edits but may not delete.
  await expect(page.getByRole('link', { name: 'Edit location' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete location' })).toHaveCount(0);
  await screenshot(page, 'location-detail');

  const response = await page.goto(`/locations/${otherId}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
});

test('the locations table fits a 390 px phone without page scroll', async ({ page, site, makeUser, signIn }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, await makeUser('customer_admin', site.tenant));
  await page.goto('/locations');
  await expect(page.locator('tbody tr').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Map of the locations' }).locator('.leaflet-container')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot(page, 'locations-phone');

  await page.locator('tbody tr').first().getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'Stations at this location' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await screenshot(page, 'location-detail-phone');
});

test('the map’s places are in the server-rendered HTML, not built by JavaScript', async ({ page, site, makeUser, signIn }) => {
  await signIn(page, await makeUser('viewer', site.tenant));
  // The document as the server sends it (session cookie included), before any script runs.
  const html = await (await page.request.get('/locations')).text();
  expect(html).toContain('data-testid="map-marker-list"');
  const links = html.match(/href="\/locations\/[0-9a-f-]{36}"/g) ?? [];
  // Each location is linked from the table and from the marker list.
  expect(new Set(links)).toEqual(new Set(site.locations.map((l) => `href="/locations/${l.id}"`)));
  expect(links.length).toBe(2 * site.locations.length);
});

test('hidden columns stay in the URL, and the CSV export follows the filter', async ({ page, site, makeUser, signIn }) => {
  await signIn(page, await makeUser('customer_operator', site.tenant));
  await page.goto('/locations?q=Garage');
  await page.getByText('Columns', { exact: true }).click();
  await page.getByRole('checkbox', { name: 'City' }).uncheck();
  await expect(page).toHaveURL(/hide=city/);
  await page.reload();
  await expect(page.getByRole('columnheader', { name: 'City' })).toHaveCount(0);
  await expect(page.getByRole('columnheader', { name: 'Address' })).toBeVisible();
  await expect(page.locator('tbody tr')).toHaveCount(NAMES.filter((name) => name.includes('Garage')).length);

  const href = await page.getByRole('link', { name: 'Export these locations (CSV)' }).getAttribute('href');
  expect(href).toContain('q=Garage');
  expect(href).not.toContain('hide=');
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  const lines = (await csv.text()).trim().split('\n');
  expect(lines[0]).toContain('name');
  expect(lines.length - 1).toBe(await page.locator('tbody tr').count());
});

test('sorting by name through the column header is kept in the URL', async ({ page, site, makeUser, signIn }) => {
  await signIn(page, await makeUser('viewer', site.tenant));
  await page.goto('/locations');
  await page.getByRole('link', { name: 'Sort by Name' }).click();
  await expect(page).toHaveURL(/sort=name/);
  await expect(page.getByRole('columnheader', { name: 'Sort by Name' })).toContainText('▲');
  const names = await page.locator('tbody tr td:first-child').allTextContents();
  expect(names).toHaveLength(NAMES.length);
  expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
});

test.describe('API auth', () => {
  test('no key → 401 problem+json; the portal session is accepted instead of a key', async ({
    page,
    request,
    site,
    makeUser,
    makeApiKey,
    signIn,
  }) => {
    const anonymous = await request.get('/api/v2/locations');
    expect(anonymous.status()).toBe(401);
    expect(anonymous.headers()['content-type']).toBe('application/problem+json');
    expect(await anonymous.json()).toMatchObject({ status: 401, title: 'Unauthorized' });

    await signIn(page, await makeUser('viewer', site.tenant));
    const viaSession = await page.request.get('/api/v2/locations?limit=1000');
    expect(viaSession.status()).toBe(200);
    // Exactly the tenant's locations, the same as its own API key sees.
    const key = await makeApiKey('customer_admin', site.tenant);
    const viaKey = await request.get('/api/v2/locations?limit=1000', { headers: key.headers });
    const ids = (body: { data: { id: string }[] }) => body.data.map((l) => l.id).sort();
    expect(ids(await viaSession.json())).toEqual(ids(await viaKey.json()));
    expect(ids(await viaSession.json())).toEqual(site.locations.map((l) => l.id).sort());
  });

  test('health is public and answers ok', async ({ request }) => {
    const health = await request.get('/api/health');
    expect(health.status()).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
  });
});

// Every section of the location page and the list, on desktop and a phone: axe-clean, no sideways
// scroll, screenshots (e2e/screenshots/) in English and in Dutch.
const SECTIONS = ['', '?tab=map', '?tab=maintenance', '?tab=remarks', '?tab=history'];

test('the locations pages and every location section pass axe on desktop and phone', async ({ page, site, makeUser, signIn }) => {
  // Twelve axe scans and screenshots.
  test.setTimeout(180_000);
  await signIn(page, await makeUser('customer_admin', site.tenant));
  await page.goto('/locations');
  await expect(page.getByRole('region', { name: 'Map of the locations' }).locator('.leaflet-container')).toHaveAttribute(
    'data-basemap',
    'drawn',
  );
  await audit(page, 'locations-en');
  for (const section of SECTIONS) {
    await page.goto(`/locations/${site.locations[0]!.id}${section}`);
    await audit(page, `location${section.replace('?tab=', '-') || '-overview'}-en`);
  }
});

test.describe('in Dutch', () => {
  test.use({ locale: 'nl-NL' });

  test('a Dutch-speaking operator reads the locations and a location in Dutch', async ({ page, site, makeUser }) => {
    test.setTimeout(180_000);
    const user = await makeUser('customer_operator', site.tenant);
    await page.goto('/login');
    await page.getByLabel('E-mailadres').fill(user.email);
    await page.getByLabel('Wachtwoord').fill(user.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page).not.toHaveURL(/\/login/);

    await page.goto('/locations');
    await expect(page.getByRole('heading', { name: 'Locaties', level: 1 })).toBeVisible();
    const map = page.getByRole('region', { name: 'Kaart van de locaties' });
    await expect(map.locator('.leaflet-container')).toHaveAttribute('data-basemap', 'drawn');
    await expect(page.getByRole('region', { name: 'Op de kaart' }).getByRole('link')).toHaveCount(NAMES.length);
    await audit(page, 'locations-nl');

    const location = site.locations[0]!;
    await page.goto(`/locations/${location.id}`);
    await expect(page.getByRole('heading', { name: 'Laadpalen op deze locatie' })).toBeVisible();
    await expect(page.getByTestId('location-status-counts')).toContainText('2 laadpalen');
    for (const section of SECTIONS) {
      await page.goto(`/locations/${location.id}${section}`);
      await audit(page, `location${section.replace('?tab=', '-') || '-overview'}-nl`);
    }
    await page.goto(`/locations/${location.id}/edit`);
    await expect(page.getByLabel('Breedtegraad')).toHaveValue(String(location.coordinates.latitude));
    await audit(page, 'location-edit-nl');
  });
});
