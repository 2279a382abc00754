import { expect, test, type Page } from '@playwright/test';
import { audit } from './support/audit';
import { signIn } from './support/session';

// Every main page, as the role that uses it, in English and in Dutch: no serious or critical axe
// violations (WCAG 2.1 A/AA), no page-level horizontal scroll at 390 px, and a screenshot on desktop
// and phone (Dutch ones end in `-nl`).
async function firstId(page: Page, collection: string): Promise<string> {
  const body = await (await page.request.get(`/api/v2/${collection}?limit=1`)).json();
  return body.data[0].id;
}

for (const [locale, suffix] of [
  ['en-US', ''],
  ['nl-NL', '-nl'],
] as const) {
  test.describe(locale, () => {
    test.use({ locale });

    test(`sign-in page${suffix}`, async ({ page }) => {
      await page.goto('/login');
      await audit(page, `login${suffix}`);
    });

    // One test per page, so the scans spread over the workers.
    const CPO_ADMIN_PAGES: [string, string | ((page: Page) => Promise<string>)][] = [
      ['dashboard', '/'],
      ['locations', '/locations'],
      ['location', async (page) => `/locations/${await firstId(page, 'locations')}`],
      ['location-new', '/locations/new'],
      ['location-edit', async (page) => `/locations/${await firstId(page, 'locations')}/edit`],
      ['charge-stations', '/charge-stations'],
      ['charge-station', async (page) => `/charge-stations/${await firstId(page, 'charge-stations')}`],
      ...(['evses', 'configuration', 'maintenance', 'notes', 'tests', 'messages', 'commands', 'history'] as const).map(
        (tab): [string, (page: Page) => Promise<string>] => [
          `charge-station-${tab}`,
          async (page) => `/charge-stations/${await firstId(page, 'charge-stations')}?tab=${tab}`,
        ],
      ),
      ['tariffs', '/tariffs'],
      ['tariff', async (page) => `/tariffs/${await firstId(page, 'tariffs')}`],
      ['hardware-templates', '/hardware-templates'],
      ['hardware-template', async (page) => `/hardware-templates/${await firstId(page, 'hardware-templates')}`],
      ['tenants', '/tenants'],
      ['tenant', async (page) => `/tenants/${await firstId(page, 'tenants')}`],
      ['users', '/users'],
      ['user', async (page) => `/users/${await firstId(page, 'users')}`],
      ['user-new', '/users/new'],
      ['api-keys', '/api-keys'],
      ['webhooks', '/webhooks'],
      ['webhook-new', '/webhooks/new'],
      ['imports', '/imports'],
      ['audit', '/audit'],
    ];

    for (const [name, target] of CPO_ADMIN_PAGES) {
      test(`CPO admin page: ${name}${suffix}`, async ({ page }) => {
        await signIn(page, 'admin@cpo.example');
        const path = typeof target === 'string' ? target : await target(page);
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        await audit(page, `${name}${suffix}`);
      });
    }

    test(`installer view and a customer’s pages${suffix}`, async ({ page }) => {
      test.setTimeout(120_000);
      await signIn(page, 'installer@cpo.example');
      await page.goto('/installer');
      await audit(page, `installer${suffix}`);

      await page.context().clearCookies();
      await signIn(page, 'operator@parkzicht.example');
      for (const [name, path] of [
        ['customer-dashboard', '/'],
        ['customer-charge-station', `/charge-stations/${await firstId(page, 'charge-stations')}`],
      ] as const) {
        await page.goto(path);
        await audit(page, `${name}${suffix}`);
      }
    });
  });
}
