import { expect, test } from '@playwright/test';
import { DEMO_API_KEYS } from '@/lib/seed/demo-accounts';
import { screenshot, signIn } from './support/session';

const keyOf = (tenant: string) => DEMO_API_KEYS.find((k) => k.tenant === tenant)!.secret;

test('a customer operator browses, filters and opens their stations; another tenant’s is a 404', async ({ page, request }) => {
  const theirs = await request.get('/api/v2/charge-stations?limit=1', { headers: { authorization: `Bearer ${keyOf('gemeente-utrecht')}` } });
  const theirId: string = (await theirs.json()).data[0].id;
  const ownOutOfOrder = await request.get('/api/v2/charge-stations?status=OUTOFORDER&limit=1000', {
    headers: { authorization: `Bearer ${keyOf('vve-parkzicht')}` },
  });
  const outOfOrder: { ocpp_id: string }[] = (await ownOutOfOrder.json()).data;

  await signIn(page, 'operator@parkzicht.example');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Charge stations' }).click();
  await expect(page.getByRole('heading', { name: 'Charge stations' })).toBeVisible();
  await expect(page.getByRole('columnheader').first()).toHaveText('Name');
  await expect(page.getByRole('columnheader').nth(1)).toHaveText('OCPP id');
  await expect(page.locator('tbody tr')).toHaveCount(50);
  await expect(page.getByRole('link', { name: 'Next page' })).toBeVisible();
  await screenshot(page, 'charge-stations');

  await page.getByLabel('Status').selectOption('OUTOFORDER');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/status=OUTOFORDER/);
  await expect(page.locator('tbody tr')).toHaveCount(Math.max(outOfOrder.length, 1));
  const shown = await page.locator('tbody tr td:nth-child(2)').allTextContents();
  expect(shown.sort()).toEqual(outOfOrder.map((s) => s.ocpp_id).sort());

  const exportHref = await page.getByRole('link', { name: 'Export these stations (CSV)' }).getAttribute('href');
  expect(exportHref).toContain('status=OUTOFORDER');
  const csv = await page.request.get(exportHref!);
  expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
  const lines = (await csv.text()).trim().split('\n');
  expect(lines[0]!.startsWith('id,tenant_id,location_id,ocpp_id')).toBe(true);
  expect(lines).toHaveLength(outOfOrder.length + 1);

  await page.locator('tbody tr').first().getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'EVSEs and connectors' })).toBeVisible();
  await screenshot(page, 'charge-station-detail');

  const response = await page.goto(`/charge-stations/${theirId}`);
  expect(response?.status()).toBe(404);
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
