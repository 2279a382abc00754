import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { audit } from './support/audit';
import { E2E_BASE_URL } from './support/settings';
import { screenshot } from './support/session';

test('the stations table keeps a user’s columns, density and page size, after a reload and in a new session', async ({
  page,
  browser,
  makeTenant,
  makeUser,
  makeStations,
  signIn,
}) => {
  const tenant = await makeTenant();
  await makeStations(60, { tenant });
  const user = await makeUser('customer_operator', tenant);
  await signIn(page, user);
  await page.goto('/charge-stations');
  const table = page.getByRole('table', { name: 'Charge stations' });
  await expect(table.locator('tbody tr')).toHaveCount(50);
  // The header stays in view while the table's own box scrolls.
  await expect(table.locator('thead th').nth(1)).toHaveCSS('position', 'sticky');

  await page.getByText('Columns', { exact: true }).click();
  await page.getByRole('checkbox', { name: 'Groups', exact: true }).uncheck();
  await expect(page).toHaveURL(/hide=custom_groups/);
  await expect(table.getByRole('columnheader', { name: 'Groups' })).toHaveCount(0);

  await page.getByRole('radio', { name: 'Compact' }).check();
  await expect(table).toHaveAttribute('data-density', 'compact');

  await page.getByRole('combobox', { name: 'Per page' }).selectOption('25');
  await expect(page).toHaveURL(/limit=25/);
  await expect(table.locator('tbody tr')).toHaveCount(25);
  await page.getByRole('combobox', { name: 'Per page' }).selectOption('100');
  await expect(table.locator('tbody tr')).toHaveCount(60);
  await expect(page.getByRole('link', { name: 'Next page' })).toHaveCount(0);

  await page.reload();
  await expect(table.getByRole('columnheader', { name: 'Groups' })).toHaveCount(0);
  await expect(table).toHaveAttribute('data-density', 'compact');

  // Another browser, no view settings in the address: the user's saved ones apply.
  const other = await browser.newContext();
  const fresh = await other.newPage();
  await signIn(fresh, user);
  await fresh.goto('/charge-stations');
  const again = fresh.getByRole('table', { name: 'Charge stations' });
  await expect(again.locator('tbody tr')).toHaveCount(60);
  await expect(again.getByRole('columnheader', { name: 'Groups' })).toHaveCount(0);
  await expect(again.getByRole('columnheader', { name: 'Status' })).toBeVisible();
  await expect(again).toHaveAttribute('data-density', 'compact');
  await expect(fresh.getByRole('combobox', { name: 'Per page' })).toHaveValue('100');
  await other.close();

  // Someone else in the same tenant still sees the defaults.
  const colleague = await browser.newContext();
  const theirs = await colleague.newPage();
  await signIn(theirs, await makeUser('customer_operator', tenant));
  await theirs.goto('/charge-stations');
  const theirTable = theirs.getByRole('table', { name: 'Charge stations' });
  await expect(theirTable.locator('tbody tr')).toHaveCount(50);
  await expect(theirTable.getByRole('columnheader', { name: 'Groups' })).toBeVisible();
  await expect(theirTable).toHaveAttribute('data-density', 'comfortable');
  await colleague.close();
});

test('status chips filter the list; arrow keys move between rows and Enter opens one', async ({
  page,
  makeTenant,
  makeUser,
  makeStations,
  reportStatus,
  signIn,
}) => {
  const tenant = await makeTenant();
  const stations = await makeStations(4, { tenant }, (i) => ({ name: `Chip station ${i}` }));
  await reportStatus(stations[1]!, 'OUTOFORDER');
  await reportStatus(stations[3]!, 'OUTOFORDER');

  await signIn(page, await makeUser('customer_operator', tenant));
  await page.goto('/charge-stations?sort=name');
  const table = page.getByRole('table', { name: 'Charge stations' });
  await expect(table.locator('tbody tr')).toHaveCount(4);
  await expect(table.locator('tbody tr').first().locator('[data-status-kind="station"]')).toBeVisible();
  await expect(table.locator('tbody tr').first().locator('[data-status-kind="availability"]')).toBeVisible();
  await expect(table.locator('tbody tr').first().locator('[data-status-kind="connection"]')).toBeVisible();

  const statusChips = page.getByRole('list', { name: 'Status' });
  await statusChips.getByRole('link', { name: 'Out of order' }).click();
  await expect(page).toHaveURL(/status=OUTOFORDER/);
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await expect(statusChips.getByRole('link', { name: /Out of order/ })).toHaveAttribute('aria-current', 'true');
  await audit(page, 'charge-stations-chips');
  // The same chip again turns the filter off.
  await statusChips.getByRole('link', { name: /Out of order/ }).click();
  await expect(page).not.toHaveURL(/status=/);
  await expect(table.locator('tbody tr')).toHaveCount(4);

  await table.getByRole('link', { name: 'Chip station 0' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(table.getByRole('link', { name: 'Chip station 1' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect(table.getByRole('link', { name: 'Chip station 1' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(table.getByRole('link', { name: 'Chip station 3' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/charge-stations/${stations[3]!.id}$`));
});

/** Speaks Dutch from the next page on (the language cookie the header's switch sets). */
async function inDutch(page: Page) {
  await page.context().addCookies([{ name: 'clm_locale', value: 'nl', url: E2E_BASE_URL }]);
}

for (const locale of ['en', 'nl'] as const) {
  test.describe(`on a 390 px phone (${locale})`, () => {
    test.use({ viewport: { width: 390, height: 844 } });

    test('the list shows cards with name, status and availability and no sideways scroll', async ({
      page,
      makeTenant,
      makeUser,
      makeStations,
      signIn,
    }) => {
      const tenant = await makeTenant();
      await makeStations(3, { tenant }, (i) => ({ name: `Garage Parkzicht blok ${i} (ondergrondse parkeergarage)` }));
      await signIn(page, await makeUser('customer_admin', tenant));
      if (locale === 'nl') await inDutch(page);
      await page.goto('/charge-stations');
      const cards = page.getByTestId('station-cards').locator('li');
      await expect(cards).toHaveCount(3);
      const card = cards.first();
      await expect(card.getByRole('link', { name: /Garage Parkzicht blok/ })).toBeVisible();
      await expect(card.locator('[data-status-kind="station"]')).toBeVisible();
      await expect(card.locator('[data-status-kind="availability"]')).toBeVisible();
      await expect(page.getByRole('table')).toBeHidden();
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await screenshot(page, `charge-stations-phone-${locale}`);
    });
  });
}

test.describe('in Dutch', () => {
  test('the table, chips and view menu speak Dutch', async ({ page, makeTenant, makeUser, makeStations, signIn }) => {
    const tenant = await makeTenant();
    await makeStations(2, { tenant });
    await signIn(page, await makeUser('customer_admin', tenant));
    await inDutch(page);
    await page.goto('/charge-stations');
    await expect(page.getByRole('heading', { name: 'Laadstations' })).toBeVisible();
    const table = page.getByRole('table', { name: 'Laadstations' });
    await expect(table.getByRole('columnheader', { name: 'Beschikbaarheid' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Beschikbaarheid' }).getByRole('link', { name: 'Buiten bedrijf' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Per pagina' })).toHaveValue('50');
    await page.getByLabel('Alle rijen op deze pagina selecteren').check();
    await expect(page.getByRole('region', { name: 'Bulkacties' }).getByText('2 geselecteerd')).toBeVisible();
    await audit(page, 'charge-stations-nl');
  });
});
