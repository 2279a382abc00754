import type { Page } from '@playwright/test';
import { expect, test, type List, type Station } from './support/fixtures';
import { screenshot } from './support/session';

test('a customer operator browses, filters and opens their stations; another tenant’s is a 404', async ({
  page,
  api,
  makeTenant,
  makeUser,
  makeLocation,
  makeStations,
  reportStatus,
  signIn,
}) => {
  // More than one page of stations, a few of which report a fault.
  const tenant = await makeTenant();
  const stations = await makeStations(52, { location: await makeLocation(tenant) });
  for (const [i, status] of ['OUTOFORDER', 'AVAILABLE', 'OUTOFORDER', 'CHARGING', 'OUTOFORDER'].entries()) {
    await reportStatus(stations[i * 10]!, status);
  }
  const [theirs] = await makeStations(1, { tenant: await makeTenant() });
  const theirId = theirs!.id;
  const outOfOrder = (await api.get<List<Station>>(`/charge-stations?tenant=${tenant.id}&status=OUTOFORDER&limit=1000`)).data;
  expect(outOfOrder).toHaveLength(3);

  await signIn(page, await makeUser('customer_operator', tenant));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Charge stations' }).click();
  await expect(page.getByRole('heading', { name: 'Charge stations' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Charge stations' });
  // The first column holds the row checkboxes (bulk actions); then name and OCPP id.
  await expect(table.getByRole('columnheader').nth(1)).toHaveText('Name');
  await expect(table.getByRole('columnheader').nth(2)).toHaveText('OCPP id');
  await expect(table.locator('tbody tr')).toHaveCount(50);
  await expect(page.getByRole('link', { name: 'Next page' })).toBeVisible();
  await screenshot(page, 'charge-stations');

  await page.getByRole('list', { name: 'Status' }).getByRole('link', { name: 'Out of order' }).click();
  await expect(page).toHaveURL(/status=OUTOFORDER/);
  await expect(table.locator('tbody tr')).toHaveCount(Math.max(outOfOrder.length, 1));
  const shown = await table.locator('tbody tr td:nth-child(3)').allTextContents();
  expect(shown.sort()).toEqual(outOfOrder.map((s) => s.ocpp_id).sort());

  const exportHref = await page.getByRole('link', { name: 'Export these stations (CSV)' }).getAttribute('href');
  expect(exportHref).toContain('status=OUTOFORDER');
  const csv = await page.request.get(exportHref!);
  expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
  const lines = (await csv.text()).trim().split('\n');
  expect(lines[0]!.startsWith('id,tenant_id,location_id,ocpp_id')).toBe(true);
  expect(lines).toHaveLength(outOfOrder.length + 1);

  await table.locator('tbody tr').first().getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'EVSEs at a glance' })).toBeVisible();
  await screenshot(page, 'charge-station-detail');

  const response = await page.goto(`/charge-stations/${theirId}`);
  expect(response?.status()).toBe(404);
});

test('the column chooser keeps hidden columns in the URL; group and location filters narrow the list', async ({
  page,
  makeTenant,
  makeUser,
  makeLocation,
  makeStations,
  signIn,
}) => {
  const tenant = await makeTenant();
  const location = await makeLocation(tenant);
  const expected = (await makeStations(3, { location })).map((s) => s.ocpp_id);
  await makeStations(2, { location: await makeLocation(tenant) });

  await signIn(page, await makeUser('customer_operator', tenant));
  await page.goto('/charge-stations');
  const table = page.getByRole('table', { name: 'Charge stations' });
  await page.getByText('Columns', { exact: true }).click();
  await page.getByRole('checkbox', { name: 'Status', exact: true }).uncheck();
  await expect(page).toHaveURL(/hide=status/);
  await expect(table.getByRole('columnheader', { name: 'Status' })).toHaveCount(0);
  await page.reload();
  await expect(table.getByRole('columnheader', { name: 'Status' })).toHaveCount(0);
  await expect(table.getByRole('columnheader', { name: 'OCPP id' })).toBeVisible();

  // The location filter searches as you type (50k locations do not fit a select).
  await pickLocation(page, 'Location', location);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(new RegExp(`location_id=${location.id}`));
  await expect(table.locator('tbody tr')).toHaveCount(expected.length);
  expect((await table.locator('tbody tr td:nth-child(3)').allTextContents()).sort()).toEqual([...expected].sort());

  await page.getByRole('textbox', { name: 'Group', exact: true }).fill('No such group');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/custom_group=No\+such\+group/);
  await expect(table.getByText('No charge stations match.')).toBeVisible();
});

test('the stations list fits a 390 px phone as cards', async ({ page, makeTenant, makeUser, makeStation, signIn }) => {
  const tenant = await makeTenant();
  await makeStation({ tenant });
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, await makeUser('installer', tenant));
  await page.goto('/charge-stations?unlinked=true');
  await expect(page.getByTestId('station-cards').locator('li').first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot(page, 'charge-stations-phone');
});

test('a customer admin unlinks a station from its location and links it again', async ({
  page,
  api,
  makeTenant,
  makeUser,
  makeLocation,
  makeStation,
  signIn,
}) => {
  const tenant = await makeTenant();
  const home = await makeLocation(tenant);
  await makeLocation(tenant);
  const station = await makeStation({ location: home });

  await signIn(page, await makeUser('customer_admin', tenant));
  await page.goto(`/charge-stations/${station.id}`);
  await page.getByRole('button', { name: 'Unlink from its location' }).click();
  await expect(page.getByText('Not linked to a location')).toBeVisible();
  expect((await api.get<Station>(`/charge-stations/${station.id}`)).location_id).toBeNull();

  const link = page.getByRole('form', { name: 'Link to a location' });
  await pickLocation(page, 'Link to location', home);
  await link.getByRole('button', { name: 'Link' }).click();
  await expect(page.getByTestId('station-location')).toHaveAttribute('href', `/locations/${station.location_id}`);
  const after = await api.get<Station>(`/charge-stations/${station.id}`);
  expect(after.location_id).toBe(station.location_id);
  const audit = await api.get<List<{ action: string }>>(`/audit-events?entity=charge_station&entity_id=${station.id}&sort=-at&limit=2`);
  expect(audit.data.map((e: { action: string }) => e.action)).toEqual(['charge_station.linked', 'charge_station.unlinked']);
});

/** Types a location's address into a location search and picks it from the matches. */
async function pickLocation(page: Page, label: string, location: { name: string; address: string }) {
  await page.getByRole('searchbox', { name: label, exact: true }).fill(location.address);
  await page
    .getByRole('list', { name: `Matching locations for ${label}` })
    .getByRole('button', { name: `${location.name} — ${location.address},` })
    .first()
    .click();
  await expect(page.getByTestId('location-choice')).toContainText(location.name);
}
