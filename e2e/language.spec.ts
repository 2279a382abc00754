import { expect, test } from './support/fixtures';
import { SIGN_IN_WORDS, signIn } from './support/session';

// The portal's language: English by default, Dutch for a Dutch browser (Accept-Language), and the
// user's own choice — saved on the user — over both, in every browser they sign in from.

test.describe('a browser that asks for English', () => {
  test.use({ locale: 'en-US' });

  test('gets the English sign-in page and <html lang="en">', async ({ page }) => {
    await page.goto('/login');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    for (const label of [SIGN_IN_WORDS.en.email, SIGN_IN_WORDS.en.password])
      await expect(page.getByLabel(label, { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: SIGN_IN_WORDS.en.submit, exact: true })).toBeVisible();
  });
});

test.describe('a browser that asks for Dutch', () => {
  test.use({ locale: 'nl-BE' });

  test('gets the Dutch sign-in labels, and a Dutch portal after signing in', async ({ page, makeTenant, makeUser }) => {
    await page.goto('/login');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await expect(page.getByLabel('E-mailadres', { exact: true })).toBeVisible();
    await expect(page.getByLabel('Wachtwoord', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Inloggen', exact: true })).toBeVisible();

    const user = await makeUser('customer_admin', await makeTenant({ kind: 'CONDOMINIUM' }));
    await signIn(page, user.email, user.password);
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await expect(nav.getByRole('link', { name: 'Laadstations' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Charge stations' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible();
  });
});

test.describe('a user who chooses a language', () => {
  test.use({ locale: 'en-US' });

  test('keeps it: saved on the user, spoken in a new browser despite its Accept-Language', async ({
    page,
    browser,
    makeTenant,
    makeUser,
    api,
  }) => {
    const user = await makeUser('viewer', await makeTenant());
    await signIn(page, user.email, user.password);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Nederlands' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await expect(page.getByRole('group', { name: 'Taal' }).getByRole('button', { name: 'Nederlands' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect((await api.get<{ locale: string | null }>(`/users/${user.id}`)).locale).toBe('nl');

    const other = await browser.newContext({ locale: 'en-GB' });
    try {
      const fresh = await other.newPage();
      await fresh.goto('/login');
      await expect(fresh.locator('html')).toHaveAttribute('lang', 'en');
      await signIn(fresh, user.email, user.password);
      await expect(fresh.locator('html')).toHaveAttribute('lang', 'nl');
      await expect(fresh.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible();
    } finally {
      await other.close();
    }
  });
});
