import { expect, test } from '@playwright/test';

test('the API reference renders offline from bundled assets', async ({ page }) => {
  const external: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('http://127.0.0.1')) external.push(request.url());
  });
  await page.goto('/docs');
  await expect(page.getByRole('heading', { name: /Charge Location Management API/ })).toBeVisible();
  await expect(page.getByText('/api/v2/charge-stations/{id}/link').first()).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/docs.png' });
  expect(external).toEqual([]);
});

test('the changelog shows the versioning policy and the current version', async ({ page, request }) => {
  const openapi = await (await request.get('/api/v2/openapi.json')).json();
  await page.goto('/docs/changelog');
  await expect(page.getByRole('heading', { name: 'Versioning policy', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: new RegExp(`^${openapi.info.version.replace(/\./g, '\\.')} `) })).toBeVisible();
});
