import { expect, test } from '@playwright/test';
import { DEMO_API_KEYS } from '@/lib/seed/demo-accounts';
import { screenshot, signIn } from './support/session';

const keyOf = (tenant: string) => DEMO_API_KEYS.find((k) => k.tenant === tenant)!.secret;

test('a customer operator sees only their tenant’s locations, opens one, and gets 404 for another tenant’s', async ({ page, request }) => {
  const own = await request.get('/api/v2/locations?limit=1000', { headers: { authorization: `Bearer ${keyOf('vve-parkzicht')}` } });
  const ownIds: string[] = (await own.json()).data.map((l: { id: string }) => l.id);
  const other = await request.get('/api/v2/locations?limit=1', { headers: { authorization: `Bearer ${keyOf('gemeente-utrecht')}` } });
  const otherId: string = (await other.json()).data[0].id;
  expect(ownIds).toHaveLength(10);
  expect((await own.json()).data.every((l: { stations_count: number }) => l.stations_count >= 6)).toBe(true);
  expect(ownIds).not.toContain(otherId);

  await signIn(page, 'operator@parkzicht.example');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Locations' }).click();
  await expect(page.getByRole('heading', { name: 'Locations' })).toBeVisible();
  const rows = page.locator('tbody tr');
  await expect(rows).toHaveCount(10);
  // The map's markers also as a server-rendered list (no tiles in tests, and it works without JS).
  const markerList = page.getByRole('region', { name: 'On the map' });
  await expect(markerList.getByRole('link')).toHaveCount(10);
  await expect(page.getByRole('region', { name: 'Map of the locations on this page' }).locator('path.leaflet-interactive')).toHaveCount(10);
  await expect(page.getByText('The basemap is not configured')).toBeVisible();
  await screenshot(page, 'locations');

  const firstLink = rows.first().getByRole('link');
  const href = await firstLink.getAttribute('href');
  expect(ownIds).toContain(href!.split('/').pop());
  await firstLink.click();
  await expect(page.getByText('Coordinates')).toBeVisible();
  const stations = page.getByRole('table', { name: 'Stations at this location' }).locator('tbody tr');
  expect(await stations.count()).toBeGreaterThanOrEqual(6);
  await expect(stations.first().getByRole('link')).toHaveAttribute('href', /^\/charge-stations\/[0-9a-f-]{36}$/);
  // A customer operator edits but may not delete.
  await expect(page.getByRole('link', { name: 'Edit location' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete location' })).toHaveCount(0);
  await screenshot(page, 'location-detail');

  const response = await page.goto(`/locations/${otherId}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
});

test('the locations table fits a 390 px phone without page scroll', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'admin@cpo.example');
  await page.goto('/locations');
  await expect(page.locator('tbody tr').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Map of the locations on this page' }).locator('.leaflet-container')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot(page, 'locations-phone');

  await page.locator('tbody tr').first().getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'Stations at this location' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await screenshot(page, 'location-detail-phone');
});

test('the map’s places are in the server-rendered HTML, not built by JavaScript', async ({ page }) => {
  await signIn(page, 'admin@cpo.example');
  // The document as the server sends it (session cookie included), before any script runs.
  const html = await (await page.request.get('/locations')).text();
  expect(html).toContain('data-testid="map-marker-list"');
  const links = html.match(/href="\/locations\/[0-9a-f-]{36}"/g) ?? [];
  // The first page (50 rows; 40 demo locations plus those other journeys created): each location
  // is linked from the table and from the marker list.
  const unique = new Set(links).size;
  expect(unique).toBeGreaterThanOrEqual(40);
  expect(unique).toBeLessThanOrEqual(50);
  expect(links.length).toBe(2 * unique);
});

test('hidden columns stay in the URL, and the CSV export follows the filter', async ({ page }) => {
  await signIn(page, 'admin@cpo.example');
  await page.goto('/locations?q=Utrecht');
  await page.getByText('Columns', { exact: true }).click();
  await page.getByRole('checkbox', { name: 'City' }).uncheck();
  await expect(page).toHaveURL(/hide=city/);
  await page.reload();
  await expect(page.getByRole('columnheader', { name: 'City' })).toHaveCount(0);
  await expect(page.getByRole('columnheader', { name: 'Address' })).toBeVisible();

  const href = await page.getByRole('link', { name: 'Export these locations (CSV)' }).getAttribute('href');
  expect(href).toContain('q=Utrecht');
  expect(href).not.toContain('hide=');
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  const lines = (await csv.text()).trim().split('\n');
  expect(lines[0]).toContain('name');
  expect(lines.length - 1).toBe(await page.locator('tbody tr').count());
});

test('sorting by name through the column header is kept in the URL', async ({ page }) => {
  await signIn(page, 'admin@cpo.example');
  await page.goto('/locations');
  await page.getByRole('link', { name: 'Sort by Name' }).click();
  await expect(page).toHaveURL(/sort=name/);
  await expect(page.getByRole('columnheader', { name: 'Sort by Name' })).toContainText('▲');
  const names = await page.locator('tbody tr td:first-child').allTextContents();
  expect(names.length).toBeGreaterThan(1);
  expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
});

test.describe('API auth', () => {
  test('no key → 401 problem+json; the portal session is accepted instead of a key', async ({ page, request }) => {
    const anonymous = await request.get('/api/v2/locations');
    expect(anonymous.status()).toBe(401);
    expect(anonymous.headers()['content-type']).toBe('application/problem+json');
    expect(await anonymous.json()).toMatchObject({ status: 401, title: 'Unauthorized' });

    await signIn(page, 'viewer@utrecht.example');
    const viaSession = await page.request.get('/api/v2/locations?limit=1000');
    expect(viaSession.status()).toBe(200);
    // Exactly the tenant's locations: the 16 demo ones plus any the other journeys created there.
    const viaKey = await request.get('/api/v2/locations?limit=1000', { headers: { authorization: `Bearer ${keyOf('gemeente-utrecht')}` } });
    const ids = (body: { data: { id: string }[] }) => body.data.map((l) => l.id).sort();
    expect(ids(await viaSession.json())).toEqual(ids(await viaKey.json()));
    expect((await viaSession.json()).data.length).toBeGreaterThanOrEqual(16);
  });

  test('health is public and answers ok', async ({ request }) => {
    const health = await request.get('/api/health');
    expect(health.status()).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
  });
});
