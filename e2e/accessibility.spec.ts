import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { screenshot, signIn } from './support/session';

// Every main page, as the role that uses it: no serious or critical axe violations (WCAG 2.1 A/AA),
// no page-level horizontal scroll at 390 px, and a screenshot on desktop and phone.
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

async function firstId(page: Page, collection: string): Promise<string> {
  const body = await (await page.request.get(`/api/v2/${collection}?limit=1`)).json();
  return body.data[0].id;
}

async function audit(page: Page, name: string) {
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await page.waitForLoadState('load');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious, `${name} at ${viewport.name}`).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} scrolls sideways at ${viewport.name}`).toBeLessThanOrEqual(0);
    await screenshot(page, `${name}-${viewport.name}`);
  }
}

test('sign-in page', async ({ page }) => {
  await page.goto('/login');
  await audit(page, 'login');
});

// One test per page, so the scans spread over the workers.
const CPO_ADMIN_PAGES: [string, string | ((page: Page) => Promise<string>)][] = [
  ['dashboard', '/'],
  ['locations', '/locations'],
  ['location', async (page) => `/locations/${await firstId(page, 'locations')}`],
  ['location-new', '/locations/new'],
  ['charge-stations', '/charge-stations'],
  ['charge-station', async (page) => `/charge-stations/${await firstId(page, 'charge-stations')}`],
  ...(['configuration', 'messages', 'commands'] as const).map((tab): [string, (page: Page) => Promise<string>] => [
    `charge-station-${tab}`,
    async (page) => `/charge-stations/${await firstId(page, 'charge-stations')}?tab=${tab}`,
  ]),
  ['tariffs', '/tariffs'],
  ['tariff', async (page) => `/tariffs/${await firstId(page, 'tariffs')}`],
  ['hardware-templates', '/hardware-templates'],
  ['tenants', '/tenants'],
  ['users', '/users'],
  ['api-keys', '/api-keys'],
  ['audit', '/audit'],
];

for (const [name, target] of CPO_ADMIN_PAGES) {
  test(`CPO admin page: ${name}`, async ({ page }) => {
    await signIn(page, 'admin@cpo.example');
    const path = typeof target === 'string' ? target : await target(page);
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await audit(page, name);
  });
}

test('installer view and a customer’s pages', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'installer@cpo.example');
  await page.goto('/installer');
  await audit(page, 'installer');

  await page.context().clearCookies();
  await signIn(page, 'operator@parkzicht.example');
  for (const [name, path] of [
    ['customer-dashboard', '/'],
    ['customer-charge-station', `/charge-stations/${await firstId(page, 'charge-stations')}`],
  ] as const) {
    await page.goto(path);
    await audit(page, name);
  }
});
