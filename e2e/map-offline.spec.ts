import type { Page } from '@playwright/test';
import { expect, test as base, unique, type Location, type Tenant } from './support/fixtures';
import { screenshot } from './support/session';
import { E2E_BASE_URL } from './support/settings';

// Without MAP_TILE_URL (as here) the maps draw the bundled Natural Earth basemap: nothing may be
// fetched from outside the app. 30 locations a few hundred metres apart in Utrecht, one in Ghent
// and one in Groningen: the first view holds all three places, at a zoom where the 30 are one cluster.
const CLUSTERED = 30;

const test = base.extend<{ site: { tenant: Tenant; clustered: Location[]; ghent: Location } }>({
  site: async ({ makeTenant, makeLocation }, provide) => {
    const tenant = await makeTenant({ kind: 'MUNICIPALITY' });
    const id = unique();
    const clustered = await Promise.all(
      Array.from({ length: CLUSTERED }, (_, i) =>
        makeLocation(tenant, {
          name: `Cluster ${String(i).padStart(2, '0')} ${id}`,
          coordinates: { latitude: 52.09 + (i % 6) * 0.0005, longitude: 5.12 + Math.floor(i / 6) * 0.0005 },
        }),
      ),
    );
    const ghent = await makeLocation(tenant, {
      name: `Gent ${id}`,
      city: 'Gent',
      country: 'BEL',
      coordinates: { latitude: 51.05, longitude: 3.72 },
    });
    await makeLocation(tenant, { name: `Groningen ${id}`, city: 'Groningen', coordinates: { latitude: 53.22, longitude: 6.57 } });
    await provide({ tenant, clustered, ghent });
  },
});

/** Aborts every request that leaves the app's origin, and returns the list of those attempted. */
async function offline(page: Page): Promise<string[]> {
  const outside: string[] = [];
  const app = new URL(E2E_BASE_URL).origin;
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === app) return route.continue();
    outside.push(url);
    return route.abort('internetdisconnected');
  });
  return outside;
}

/** Presses Tab until the focused element matches `selector` (at most `max` times). */
async function tabTo(page: Page, selector: string, max = 12) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('the locations map draws land and borders with no network outside the app, clusters at low zoom, and works by keyboard', async ({
  page,
  site,
  makeUser,
  signIn,
}) => {
  const outside = await offline(page);
  await signIn(page, await makeUser('customer_operator', site.tenant));
  await page.goto('/locations');

  const region = page.getByRole('region', { name: 'Map of the locations' });
  const map = region.locator('.leaflet-container');
  await expect(map).toHaveAttribute('data-basemap', 'drawn');
  // Land (with its coastline) and the borders between countries, as SVG paths.
  const basemapPaths = map.locator('.leaflet-basemap-pane path');
  expect(await basemapPaths.count()).toBeGreaterThan(0);
  expect((await basemapPaths.first().getAttribute('d'))?.length).toBeGreaterThan(1000);
  await expect(page.getByText('Offline basemap: land, coastlines and country borders from Natural Earth')).toBeVisible();

  // The first view fits all 32 locations: the 30 close ones are one cluster with their count.
  const cluster = region.getByRole('button', { name: `${CLUSTERED} locations: zoom in` });
  await expect(cluster).toHaveText(String(CLUSTERED));
  await expect(region.getByRole('link', { name: `${site.ghent.name}, Gent` })).toBeVisible();
  const list = page.getByRole('region', { name: 'On the map' });
  await expect(list.getByRole('heading')).toHaveText(`On the map (${CLUSTERED + 2})`);
  await screenshot(page, 'map-offline-clustered');

  // Keyboard: from the map, Tab reaches the cluster; Enter zooms in until it splits, and the list follows the view.
  await map.focus();
  await tabTo(page, '[data-map-cluster]');
  await expect(cluster).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(cluster).toHaveCount(0);
  await expect(list.getByRole('heading')).toHaveText(`On the map (${CLUSTERED})`);
  await expect(list.getByRole('link', { name: site.ghent.name })).toHaveCount(0);

  // Further in, the locations come apart into markers of their own: each a real link; Enter opens it.
  const points = region.locator('[data-map-point]');
  for (let i = 0; i < 8 && (await points.count()) === 0; i++) {
    // A cluster may be redrawn away mid-click while the zoom animates: then the next round tries again.
    await region
      .locator('[data-map-cluster]')
      .first()
      .click({ timeout: 3000 })
      .catch(() => undefined);
    await page.waitForTimeout(400);
  }
  const marker = points.first();
  const href = (await marker.getAttribute('href'))!;
  const opened = site.clustered.find((l) => href === `/locations/${l.id}`)!;
  await expect(marker).toHaveAccessibleName(`${opened.name}, Utrecht`);
  await marker.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.getByRole('heading', { name: opened.name })).toBeVisible();

  // The location's own map draws the same basemap, still without going outside.
  await page.getByRole('link', { name: 'Map', exact: true }).click();
  const own = page.getByRole('region', { name: 'Map of this location' }).locator('.leaflet-container');
  await expect(own).toHaveAttribute('data-basemap', 'drawn');
  await expect(
    page.getByRole('region', { name: 'Map of this location' }).getByRole('link', { name: `${opened.name}, Utrecht` }),
  ).toBeVisible();

  expect(outside).toEqual([]);
});

test('the basemap is served by the app, cached for a year', async ({ page, site, makeUser, signIn }) => {
  await signIn(page, await makeUser('viewer', site.tenant));
  const response = await page.request.get('/locations/basemap?v=world-atlas-2.0.2-50m');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  const topology = await response.json();
  expect(Object.keys(topology.objects).sort()).toEqual(['countries', 'land']);
});
