import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '@/lib/seed/demo-accounts';

/** Signs in through the real form and waits for the dashboard. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
}

/** Picks a tenant in the header's switcher and waits for the server to remember the choice. */
export async function chooseTenant(page: Page, label: string) {
  const saved = page.waitForResponse(
    (response) => response.request().method() === 'POST' && Boolean(response.request().headers()['next-action']),
  );
  await page.getByLabel('Tenant', { exact: true }).selectOption({ label });
  await saved;
}
