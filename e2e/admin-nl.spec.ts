import type { Page } from '@playwright/test';
import { DEMO_PASSWORD } from '@/lib/seed/demo-accounts';
import { audit } from './support/audit';
import { expect, test, unique } from './support/fixtures';

// A Dutch-speaking CPO admin: the browser asks for nl-NL, so every admin page speaks Dutch.
test.use({ locale: 'nl-NL' });

/** The page's h1 is the Dutch one, and none of the English words the page used to show is left. */
async function speaksDutch(page: Page, heading: string, english: string[]) {
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  const text = await page.locator('body').innerText();
  for (const words of english) expect(text, `English "${words}" on ${page.url()}`).not.toContain(words);
}

test('the admin pages speak Dutch to a Dutch browser', async ({ page, api, makeTenant, makeTariff }) => {
  test.setTimeout(180_000);
  const tenant = await makeTenant({ name: `VvE Zonnehof ${unique()}` });
  const tariff = await makeTariff([tenant]);
  const webhook = await api.post<{ id: string }>('/webhooks', {
    url: `https://crm.example.com/hooks/${unique()}`,
    events: ['location.created', 'charge_station.status_changed'],
    tenant_id: tenant.id,
  });

  await page.goto('/login');
  await page.getByLabel('E-mailadres').fill('admin@cpo.example');
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');

  await page.goto('/users');
  await speaksDutch(page, 'Gebruikers en rollen', ['Users and roles', 'Invite user', 'Sign-in', 'No users match']);
  await expect(page.getByRole('link', { name: 'Gebruiker uitnodigen' })).toBeVisible();
  await audit(page, 'users-nl');
  await page.getByRole('link', { name: 'Carla CPO-Admin' }).click();
  await speaksDutch(page, 'Carla CPO-Admin', ['History of this user', 'Profile and sign-in', 'CPO-wide role', 'Updated']);
  await expect(page.getByText('CPO-beheerder')).toBeVisible();
  await audit(page, 'user-detail-nl');
  await page.goto('/users/new');
  await speaksDutch(page, 'Gebruiker uitnodigen', ['Initial password', 'The user signs in']);
  await audit(page, 'user-invite-nl');

  await page.goto('/api-keys');
  await speaksDutch(page, 'API-sleutels', ['Create API key', 'Last used', 'Not revoked']);
  await expect(page.locator('[data-status-kind="apiKey"]').first()).toBeVisible();
  await audit(page, 'api-keys-nl');
  await page.goto('/api-keys/new');
  await speaksDutch(page, 'API-sleutel aanmaken', ['Expires on', 'Create key']);
  await audit(page, 'api-key-new-nl');

  await page.goto('/tariffs');
  await speaksDutch(page, 'Tarieven', ['New tariff', 'Offered to', 'Every tenant']);
  await expect(page.getByRole('region', { name: 'Nieuw tarief' })).toBeVisible();
  await audit(page, 'tariffs-nl');
  await page.goto(`/tariffs/${encodeURIComponent(tariff.id)}`);
  await speaksDutch(page, tariff.name, ['Edit tariff', 'Offered to', 'Delete tariff', 'per kWh (restricted)']);
  await expect(page.getByText('0,31 EUR per kWh')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tarief verwijderen…' })).toBeVisible();
  await audit(page, 'tariff-detail-nl');

  await page.goto('/hardware-templates');
  await speaksDutch(page, 'Hardwaresjablonen', ['New hardware template', 'Vendor / model', 'Add EVSE']);
  await audit(page, 'hardware-templates-nl');
  await page.getByRole('table', { name: 'Hardwaresjablonen' }).locator('tbody a').first().click();
  await expect(page.getByRole('heading', { name: 'EVSE-opzet' })).toBeVisible();
  await expect(page.getByText('EVSE blueprint')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Sjabloon bewerken' })).toBeVisible();
  await audit(page, 'hardware-template-detail-nl');

  await page.goto('/tenants');
  await speaksDutch(page, 'Klanten', ['New tenant', 'External id', 'Create tenant']);
  await audit(page, 'tenants-nl');
  await page.goto(`/tenants/${tenant.id}`);
  await speaksDutch(page, tenant.name, ['Edit tenant', 'Kind', 'Delete tenant', 'Business (B2B)']);
  await expect(page.getByText('Bedrijf (B2B)').first()).toBeVisible();
  await audit(page, 'tenant-detail-nl');

  await page.goto(`/audit?entity=tenant&entity_id=${tenant.id}`);
  await speaksDutch(page, 'Auditlog', ['Audit log', 'Newest first', 'Entity id', 'history']);
  await expect(page.getByRole('table', { name: 'Auditgebeurtenissen' }).getByText('Klant aangemaakt')).toBeVisible();
  await audit(page, 'audit-nl');

  await page.goto('/imports');
  await speaksDutch(page, 'Imports', ['Recent imports', 'Rows are', 'Dry run first', 'Download template CSV']);
  await expect(page.getByRole('link', { name: 'Sjabloon-CSV downloaden (locaties)' })).toBeVisible();
  await audit(page, 'imports-nl');

  await page.goto('/webhooks');
  await speaksDutch(page, 'Webhooks', ['New webhook', 'Events of', 'Failing since', 'All tenants (CPO-wide)']);
  await audit(page, 'webhooks-nl');
  await page.goto(`/webhooks/${webhook.id}`);
  await expect(page.getByRole('heading', { name: 'Afleverlog' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Status laadstation gewijzigd' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Testgebeurtenis versturen' })).toBeVisible();
  const detail = await page.locator('body').innerText();
  for (const words of ['Delivery log', 'Send test event', 'Edit webhook', 'Enabled']) expect(detail).not.toContain(words);
  await audit(page, 'webhook-detail-nl');
  await page.goto('/webhooks/new');
  await speaksDutch(page, 'Nieuwe webhook', ['Create webhook', 'Description (optional)', 'At least one.']);
  await audit(page, 'webhook-new-nl');
});
