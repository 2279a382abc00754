import type { Page } from '@playwright/test';
import { expect, test, unique } from './support/fixtures';
import { screenshot } from './support/session';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** Desktop and phone screenshots, and no page-level horizontal scroll at 390 px. */
async function shoot(page: Page, name: string) {
  await screenshot(page, `${name}-desktop`);
  await page.setViewportSize(PHONE);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const culprits = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .filter((el) => !el.closest('.overflow-x-auto') || getComputedStyle(el).position !== 'static')
      .slice(0, 5)
      .map((el) => `${el.tagName}.${el.className} ${getComputedStyle(el).position} ${el.getBoundingClientRect().right}`),
  );
  expect(overflow, `${name} scrolls sideways at 390 px: ${culprits.join(' | ')}`).toBeLessThanOrEqual(0);
  await screenshot(page, `${name}-phone`);
  await page.setViewportSize(DESKTOP);
}

test('a customer admin creates an API key that works, invites a user who signs in, and finds it in the audit log', async ({
  page,
  request,
  makeTenant,
  makeUser,
  makeLocation,
  makeStation,
  signIn,
}) => {
  const tenant = await makeTenant({ name: `VvE ${unique()}`, kind: 'CONDOMINIUM' });
  await makeStation({ location: await makeLocation(tenant) });
  await page.setViewportSize(DESKTOP);
  await signIn(page, await makeUser('customer_admin', tenant));

  // API key: the secret is shown once, starts with the service's format, and works.
  const keyName = `CRM sync ${unique()}`;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API keys' }).click();
  await expect(page.getByRole('heading', { name: 'API keys' })).toBeVisible();
  await page.getByRole('link', { name: 'Create API key' }).click();
  const keyForm = page.getByRole('form', { name: 'Create API key' });
  await keyForm.getByLabel('Name', { exact: true }).fill(keyName);
  await expect(keyForm.getByLabel('Tenant').locator('option')).toHaveText([tenant.name]);
  await keyForm.getByLabel('Role').selectOption('customer_operator');
  await keyForm.getByRole('button', { name: 'Create key' }).click();
  const secretField = page.getByLabel(`Secret of “${keyName}”`);
  await expect(secretField).toBeVisible();
  const secret = await secretField.inputValue();
  expect(secret).toMatch(/^clm_[A-Za-z0-9_-]{40}$/);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
  await shoot(page, 'api-key-created');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Create API key' })).toBeVisible();
  await expect(page.getByTestId('one-time-secret')).toHaveCount(0);
  await expect(page.getByText(secret)).toHaveCount(0);

  await page.goto('/api-keys');
  const keyRow = page.locator('tbody tr', { hasText: keyName });
  await expect(keyRow).toContainText(`${secret.slice(0, 8)}…`);
  await expect(keyRow).toContainText('Never');
  await shoot(page, 'api-keys');

  const bearer = { authorization: `Bearer ${secret}` };
  const tenants = await request.get('/api/v2/tenants', { headers: bearer });
  expect(tenants.status()).toBe(200);
  const visible = (await tenants.json()).data as { id: string; slug: string }[];
  expect(visible.map((t) => t.slug)).toEqual([tenant.slug]);
  const stations = await request.get('/api/v2/charge-stations?limit=1000', { headers: bearer });
  expect(stations.status()).toBe(200);
  const stationTenants = ((await stations.json()).data as { tenant_id: string }[]).map((s) => s.tenant_id);
  expect(stationTenants.length).toBeGreaterThan(0);
  expect(new Set(stationTenants)).toEqual(new Set([tenant.id]));

  // The audit log shows the creation, filtered by action in the URL.
  await page.goto('/audit?action=api_key.created');
  await expect(page.getByLabel('Action', { exact: true })).toHaveValue('api_key.created');
  const event = page.locator('tbody tr', { hasText: keyName });
  await expect(event).toContainText('api_key.created');
  await shoot(page, 'audit');

  // Invite: a generated password, shown once; the new user signs in with it.
  const email = `operator-${unique()}@e2e.example`;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { name: 'Users and roles' })).toBeVisible();
  await shoot(page, 'users');
  await page.getByRole('link', { name: 'Invite user' }).click();
  const inviteForm = page.getByRole('form', { name: 'Invite a user' });
  await inviteForm.getByLabel('Name', { exact: true }).fill('Olga New-Operator');
  await inviteForm.getByLabel('Email', { exact: true }).fill(email);
  await inviteForm.getByLabel('Role').selectOption('customer_operator');
  await inviteForm.getByRole('button', { name: 'Invite user' }).click();
  const passwordField = page.getByLabel(`Initial password of ${email}`);
  await expect(passwordField).toBeVisible();
  const password = await passwordField.inputValue();
  expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
  await shoot(page, 'user-invited');
  await page.getByRole('link', { name: 'Open the new user' }).click();
  await expect(page.getByRole('heading', { name: 'Olga New-Operator' })).toBeVisible();
  await expect(page.getByLabel(tenant.name)).toHaveValue('customer_operator');
  await shoot(page, 'user-detail');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByLabel('Password')).toBeVisible();
  await signIn(page, { email, password, name: 'Olga New-Operator' });
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Recent activity' })).toBeVisible();
  await shoot(page, 'dashboard-new-operator');
});

test('users, API keys and the audit log answer 404 to roles without the permission', async ({ page, makeTenant, makeUser, signIn }) => {
  const tenant = await makeTenant();
  await signIn(page, await makeUser('viewer', tenant));
  for (const path of ['/users', '/users/new', '/api-keys', '/api-keys/new']) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
  // A viewer may read the audit log but not manage users or keys; the navigation agrees.
  expect((await page.goto('/audit'))?.status()).toBe(200);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Audit log' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Users' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'API keys' })).toHaveCount(0);

  await page.context().clearCookies();
  await signIn(page, await makeUser('installer', tenant));
  expect((await page.goto('/audit'))?.status()).toBe(404);
});
