import { DEMO_USERS } from '@/lib/seed/demo-accounts';
import { expect, test, unique } from './support/fixtures';
import { screenshot, signIn } from './support/session';

// The demo accounts only sign in (nothing here changes them); wrong passwords go to users of the
// test's own, so failed attempts never pile up on a shared account across runs.

test.describe('sign-in', () => {
  for (const user of DEMO_USERS) {
    const role = user.cpoRole ?? user.memberships[0]!.role;
    test(`${role} signs in and lands on the dashboard`, async ({ page }) => {
      await signIn(page, user.email);
      await expect(page.getByTestId('current-user')).toHaveText(user.name);
      await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Locations' })).toBeVisible();
      await expect(page.getByRole('list', { name: 'Stations by status' })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Faulted stations' })).toBeVisible();
      await screenshot(page, `dashboard-${role}`);
      await page.getByRole('button', { name: 'Sign out' }).click();
      await expect(page).toHaveURL(/\/login/);
    });
  }

  test('a user without any role signs in to an explanation, not an error page', async ({ page, makeUser, signIn: signInAs }) => {
    const roleless = await makeUser('viewer');
    await signInAs(page, roleless);
    await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
    await expect(page.getByText('Your account has no role in any customer yet')).toBeVisible();
  });

  test('a wrong password shows one generic error and no session', async ({ page, makeUser }) => {
    const admin = await makeUser('cpo_admin');
    await page.goto('/login');
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('login-error')).toHaveText('The e-mail address or password is not correct.');
    await screenshot(page, 'login-error');
    await page.goto('/');
    await expect(page).toHaveURL(/\/login/);
  });

  test('a signed-out visit to a portal page returns there after sign-in', async ({ page, makeTenant, makeUser }) => {
    const viewer = await makeUser('viewer', await makeTenant());
    await page.goto('/locations?sort=name');
    await expect(page).toHaveURL(/\/login\?.*callbackUrl=/);
    await page.getByLabel('Email').fill(viewer.email);
    await page.getByLabel('Password').fill('wrong-password-first');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('login-error')).toBeVisible();
    await page.getByLabel('Email').fill(viewer.email);
    await page.getByLabel('Password').fill(viewer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/locations\?sort=name$/);
    await expect(page.getByRole('heading', { name: 'Locations' })).toBeVisible();
  });

  test('an unknown e-mail shows the same error as a wrong password', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill(`nobody-${unique()}@nowhere.example`);
    await page.getByLabel('Password').fill('whatever-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('login-error')).toHaveText('The e-mail address or password is not correct.');
  });
});
