import type { Page } from '@playwright/test';
import { expect, test, unique, type Station } from './support/fixtures';
import { screenshot } from './support/session';

async function stationsOf(page: Page, tenant: string): Promise<Station[]> {
  return (await (await page.request.get(`/api/v2/charge-stations?tenant=${tenant}&limit=1000`)).json()).data;
}

test('a CPO admin selects the 50 stations on a page, sets them INOPERATIVE and adds them to a group, with a result per station', async ({
  page,
  makeTenant,
  makeUser,
  makeStations,
  signIn,
}) => {
  test.setTimeout(120_000);
  // More than a page of stations, so "all rows on this page" is 50 of them.
  const tenant = await makeTenant();
  await makeStations(52, { tenant });
  const group = `Bulk ${unique()}`;
  await signIn(page, await makeUser('cpo_admin'));
  await page.goto(`/charge-stations?tenant=${tenant.id}&sort=ocpp_id`);

  const table = page.getByRole('table', { name: 'Charge stations' });
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(50);
  const hrefs = await rows.locator('td a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  const ids = hrefs.map((href) => href.split('/').pop()!);
  expect(new Set(ids).size).toBe(50);

  const bulk = page.getByRole('region', { name: 'Bulk actions' });
  await expect(bulk).toHaveCount(0);
  await page.getByLabel('Select all rows on this page').check();
  await expect(bulk.getByText('50 selected')).toBeVisible();

  await bulk.getByLabel('Bulk action').selectOption('availability');
  await bulk.getByLabel('Availability').selectOption('INOPERATIVE');
  await bulk.getByRole('button', { name: 'Apply…' }).click();
  const confirm = bulk.getByRole('alertdialog', { name: 'Confirm bulk action' });
  await expect(confirm).toContainText('Set availability Inoperative on 50 stations?');
  // Cancel leaves everything as it was; the second time it is confirmed.
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  await bulk.getByRole('button', { name: 'Apply…' }).click();
  await confirm.getByRole('button', { name: 'Confirm' }).click();

  await expect(bulk.getByTestId('bulk-summary')).toHaveText('50 of 50 done', { timeout: 60_000 });
  const results = bulk.getByTestId('bulk-results').locator('tr');
  await expect(results).toHaveCount(50);
  expect(await results.locator('td:nth-child(2)').allTextContents()).toEqual(Array(50).fill('OK'));
  await screenshot(page, 'bulk-availability');

  const afterAvailability = await stationsOf(page, tenant.id);
  for (const id of ids) expect(afterAvailability.find((s) => s.id === id)?.availability).toBe('INOPERATIVE');

  // The selection stays for the next operation: add all 50 to a group.
  await expect(bulk.getByText('50 selected')).toBeVisible();
  await bulk.getByLabel('Bulk action').selectOption('group_add');
  await bulk.getByLabel('Group name').fill(group);
  await bulk.getByRole('button', { name: 'Apply…' }).click();
  await expect(confirm).toContainText(`Add 50 stations to group “${group}”?`);
  await confirm.getByRole('button', { name: 'Confirm' }).click();
  await expect(bulk.getByTestId('bulk-summary')).toHaveText('50 of 50 done', { timeout: 60_000 });
  await expect(results.filter({ hasText: 'Added to the group.' })).toHaveCount(50);

  const grouped = (await (await page.request.get(`/api/v2/charge-stations?custom_group=${encodeURIComponent(group)}&limit=1000`)).json())
    .data as Station[];
  expect(grouped.map((s) => s.id).sort()).toEqual([...ids].sort());

  // The group filter of the table shows the same stations.
  await page.goto(`/charge-stations?custom_group=${encodeURIComponent(group)}`);
  await expect(table.locator('tbody tr')).toHaveCount(50);
  await expect(page.getByRole('textbox', { name: 'Group', exact: true })).toHaveValue(group);

  await page.setViewportSize({ width: 390, height: 844 });
  // A phone shows the stations as cards, with their own "select all".
  await page.getByLabel('Select all stations on this page').check();
  await expect(bulk.getByText('50 selected')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot(page, 'bulk-phone');
});

test('a viewer gets no row selection and no bulk actions', async ({ page, makeTenant, makeUser, makeStation, signIn }) => {
  const tenant = await makeTenant();
  await makeStation({ tenant });
  await signIn(page, await makeUser('viewer', tenant));
  await page.goto('/charge-stations');
  await expect(page.getByRole('table', { name: 'Charge stations' }).locator('tbody tr').first()).toBeVisible();
  await expect(page.getByLabel('Select all rows on this page')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Bulk actions' })).toHaveCount(0);
});

test('a tariff offered to one tenant only: set on a mixed selection, it fails for the rows of other tenants', async ({
  page,
  makeTenant,
  makeUser,
  makeStations,
  makeTariff,
  signIn,
}) => {
  // One search finds stations of both tenants; the tariff is offered to the first one only.
  const suffix = unique().toUpperCase();
  const offered = await makeTenant();
  const other = await makeTenant();
  const tariff = await makeTariff([offered]);
  await makeStations(4, { tenant: offered }, (i) => ({ ocpp_id: `OFF-${suffix}-${i + 1}` }));
  await makeStations(3, { tenant: other }, (i) => ({ ocpp_id: `OTH-${suffix}-${i + 1}` }));
  const isOffered = (ocppId: string) => ocppId.startsWith('OFF-');
  await signIn(page, await makeUser('cpo_admin'));
  await page.goto(`/charge-stations?q=${suffix}&sort=ocpp_id`);
  const table = page.getByRole('table', { name: 'Charge stations' });
  // The list streams in after its loading state: read the cells only once the rows are there.
  await expect(table.locator('tbody tr td:nth-child(3)').first()).toHaveText(/^[A-Z]{3}-/);
  const ocppIds = await table.locator('tbody tr td:nth-child(3)').allTextContents();
  expect(ocppIds).toHaveLength(7);
  expect(ocppIds.some(isOffered)).toBe(true);
  expect(ocppIds.some((id) => !isOffered(id))).toBe(true);

  await page.getByLabel('Select all rows on this page').check();
  const bulk = page.getByRole('region', { name: 'Bulk actions' });
  await bulk.getByLabel('Bulk action').selectOption('tariff');
  await bulk.getByLabel('Tariff code').selectOption(tariff.id);
  await bulk.getByRole('button', { name: 'Apply…' }).click();
  await bulk.getByRole('button', { name: 'Confirm' }).click();
  const failed = ocppIds.filter((id) => !isOffered(id)).length;
  await expect(bulk.getByTestId('bulk-summary')).toHaveText(`${ocppIds.length - failed} of ${ocppIds.length} done, ${failed} failed`);
  const results = bulk.getByTestId('bulk-results').locator('tr');
  for (const ocppId of ocppIds) {
    const row = results.filter({ hasText: `(${ocppId})` });
    await expect(row.locator('td:nth-child(2)')).toHaveText(isOffered(ocppId) ? 'OK' : 'Error');
  }
  await expect(results.filter({ hasText: 'Error' }).first()).toContainText('tariff_ids/0');
  // The controls still show what was applied (a form reset must not swap the operation behind the label).
  await expect(bulk.getByLabel('Bulk action')).toHaveValue('tariff');
  await expect(bulk.getByLabel('Tariff code')).toHaveValue(tariff.id);
  await screenshot(page, 'bulk-tariff-mixed');
});
