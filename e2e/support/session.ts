import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '@/lib/seed/demo-accounts';

/** The sign-in form's words in English and in Dutch (SPEC: E-mailadres, Wachtwoord, Inloggen). */
export const SIGN_IN_WORDS = {
  en: { email: 'Email', password: 'Password', submit: 'Sign in' },
  nl: { email: 'E-mailadres', password: 'Wachtwoord', submit: 'Inloggen' },
} as const;

/** Signs in through the real form, in whichever language the page speaks, and waits for the dashboard. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  const words = (await page.locator('html').getAttribute('lang')) === 'nl' ? SIGN_IN_WORDS.nl : SIGN_IN_WORDS.en;
  await page.getByLabel(words.email, { exact: true }).fill(email);
  await page.getByLabel(words.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: words.submit, exact: true }).click();
  // "Dashboard" in both languages.
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
}

/**
 * A full-page screenshot for people to look at (not an assertion). On a loaded machine Chromium can
 * take very long to capture a tall live page; then the visible part is enough.
 */
export async function screenshot(page: Page, name: string) {
  const path = `e2e/screenshots/${name}.png`;
  await page.screenshot({ path, fullPage: true, timeout: 15_000 }).catch(() => page.screenshot({ path }));
}

/** Picks a tenant in the header's switcher and waits for the server to remember the choice. */
export async function chooseTenant(page: Page, label: string) {
  const saved = page.waitForResponse(
    (response) => response.request().method() === 'POST' && Boolean(response.request().headers()['next-action']),
  );
  await page.getByLabel('Tenant', { exact: true }).selectOption({ label });
  await saved;
}
