import { expect, test, type Page } from '@playwright/test';
import { DEMO_API_KEYS } from '@/lib/seed/demo-accounts';
import { screenshot, signIn } from './support/session';

const keyOf = (tenant: string) => DEMO_API_KEYS.find((k) => k.tenant === tenant)!.secret;

test('a customer operator browses, filters and opens their stations; another tenant’s is a 404', async ({ page, request }) => {
  const theirs = await request.get('/api/v2/charge-stations?limit=1', {
    headers: { authorization: `Bearer ${keyOf('gemeente-utrecht')}` },
  });
  const theirId: string = (await theirs.json()).data[0].id;
  const ownOutOfOrder = await request.get('/api/v2/charge-stations?status=OUTOFORDER&limit=1000', {
    headers: { authorization: `Bearer ${keyOf('vve-parkzicht')}` },
  });
  const outOfOrder: { ocpp_id: string }[] = (await ownOutOfOrder.json()).data;

  await signIn(page, 'operator@parkzicht.example');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Charge stations' }).click();
  await expect(page.getByRole('heading', { name: 'Charge stations' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Charge stations' });
  // The first column holds the row checkboxes (bulk actions); then name and OCPP id.
  await expect(table.getByRole('columnheader').nth(1)).toHaveText('Name');
  await expect(table.getByRole('columnheader').nth(2)).toHaveText('OCPP id');
  await expect(table.locator('tbody tr')).toHaveCount(50);
  await expect(page.getByRole('link', { name: 'Next page' })).toBeVisible();
  await screenshot(page, 'charge-stations');

  await page.getByRole('combobox', { name: 'Status' }).selectOption('OUTOFORDER');
  await page.getByRole('button', { name: 'Apply' }).click();
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
  await expect(page.getByRole('heading', { name: 'EVSEs and connectors' })).toBeVisible();
  await screenshot(page, 'charge-station-detail');

  const response = await page.goto(`/charge-stations/${theirId}`);
  expect(response?.status()).toBe(404);
});

test('the column chooser keeps hidden columns in the URL; group and location filters narrow the list', async ({ page, request }) => {
  const own = await request.get('/api/v2/locations?limit=1&sort=name', { headers: { authorization: `Bearer ${keyOf('vve-parkzicht')}` } });
  const location = (await own.json()).data[0] as { id: string; name: string; address: string };
  const atLocation = await request.get(`/api/v2/charge-stations?location_id=${location.id}&limit=1000`, {
    headers: { authorization: `Bearer ${keyOf('vve-parkzicht')}` },
  });
  const expected: string[] = (await atLocation.json()).data.map((s: { ocpp_id: string }) => s.ocpp_id);

  await signIn(page, 'operator@parkzicht.example');
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

test('the stations table fits a 390 px phone; the table scrolls inside its own box', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'installer@cpo.example');
  await page.goto('/charge-stations?unlinked=true');
  await expect(page.locator('tbody tr').first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot(page, 'charge-stations-phone');
});

test('a customer admin unlinks a station from its location and links it again', async ({ page, request }) => {
  const headers = { authorization: `Bearer ${keyOf('vve-parkzicht')}` };
  const station = (await (await request.get('/api/v2/charge-stations?limit=1&sort=-ocpp_id', { headers })).json()).data[0] as {
    id: string;
    location_id: string;
  };

  await signIn(page, 'admin@parkzicht.example');
  await page.goto(`/charge-stations/${station.id}`);
  await page.getByRole('button', { name: 'Unlink from its location' }).click();
  await expect(page.getByText('Not linked to a location')).toBeVisible();
  expect((await (await request.get(`/api/v2/charge-stations/${station.id}`, { headers })).json()).location_id).toBeNull();

  const link = page.getByRole('form', { name: 'Link to a location' });
  const home = await (await request.get(`/api/v2/locations/${station.location_id}`, { headers })).json();
  await pickLocation(page, 'Link to location', home);
  await link.getByRole('button', { name: 'Link' }).click();
  await expect(page.getByRole('link', { name: 'Open its location' })).toHaveAttribute('href', `/locations/${station.location_id}`);
  const after = await (await request.get(`/api/v2/charge-stations/${station.id}`, { headers })).json();
  expect(after.location_id).toBe(station.location_id);
  const audit = await (
    await request.get(`/api/v2/audit-events?entity=charge_station&entity_id=${station.id}&sort=-at&limit=2`, { headers })
  ).json();
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
