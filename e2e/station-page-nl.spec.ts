import { DEMO_PASSWORD } from '@/lib/seed/demo-accounts';
import { audit } from './support/audit';
import { expect, test, unique, type List, type Tenant } from './support/fixtures';
import { screenshot } from './support/session';

// A Dutch-speaking browser: the portal answers in Dutch without anyone choosing it.
test.use({ locale: 'nl-NL' });

test('een beheerder van een VvE stelt een verbonden laadstation buiten bedrijf en ziet de badge live veranderen', async ({
  page,
  api,
  makeLocation,
  makeStation,
  simulateStation,
}) => {
  // The seeded condominium and its operator (lib/seed/demo-accounts.ts).
  const tenants = await api.get<List<Tenant & { slug: string }>>('/tenants?limit=100');
  const parkzicht = tenants.data.find((t) => t.slug === 'vve-parkzicht')!;
  const password = `e2e-nl-${unique()}${unique()}`;
  const station = await makeStation(
    { location: await makeLocation(parkzicht, { name: `Garage Parkzicht ${unique()}` }) },
    { ocpp_id: `NL-${unique().toUpperCase()}`, ocpp_password: password, name: `Laadpaal ${unique()}` },
  );
  const simulated = simulateStation({ ocppId: station.ocpp_id, password, connectors: 1 });
  const accepted = simulated.waitFor('accepted', { timeoutMs: 15_000 });
  await simulated.connect();
  await accepted;

  // Sign-in with the Dutch labels of SPEC §4.
  await page.goto('/login');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await page.getByLabel('E-mailadres').fill('operator@parkzicht.example');
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(/\/$/);

  await page.goto(`/charge-stations/${station.id}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(station.name!);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-status', 'CONNECTED');
  await expect(page.getByTestId('connection-state')).toHaveText('Verbonden');
  await expect(page.getByTestId('station-status')).toHaveText('Beschikbaar');
  const header = page.getByRole('region', { name: 'Beschikbaarheid' });
  await expect(header.getByTestId('station-availability')).toHaveAttribute('data-status', 'OPERATIVE');
  await expect(header.getByTestId('station-availability')).toHaveText('In bedrijf');
  // Marks this document: a reload or a navigation would lose the mark.
  await page.evaluate(() => Object.assign(window, { e2eSameDocument: true }));

  const availability = page.getByRole('form', { name: 'Beschikbaarheid van het laadstation' });
  await availability.getByRole('button', { name: 'Buiten bedrijf stellen', exact: true }).click();
  await expect(availability.getByTestId('form-outcome')).toBeVisible();
  // The station answers Accepted and reports Unavailable; the badges follow without a reload.
  await expect(header.getByTestId('station-availability-sync')).toHaveAttribute('data-status', 'APPLIED', { timeout: 30_000 });
  await expect(header.getByTestId('station-availability-sync')).toHaveText('Toegepast');
  await expect(header.getByTestId('station-availability')).toHaveAttribute('data-status', 'INOPERATIVE');
  await expect(header.getByTestId('station-availability')).toHaveText('Buiten bedrijf');
  await expect(header).toContainText('Het laadstation heeft het bevestigd.');
  await expect(page.getByTestId('station-status')).toHaveAttribute('data-status', 'INOPERATIVE');
  await expect(page.getByTestId('station-status')).toHaveText('Buiten bedrijf');
  await expect(availability.getByRole('button', { name: 'In bedrijf stellen', exact: true })).toBeVisible();
  expect(await page.evaluate(() => (window as { e2eSameDocument?: boolean }).e2eSameDocument)).toBe(true);
  await expect(page.getByTestId('live-refresh')).toHaveText('Werkt live bij.');
  await audit(page, 'station-nl');

  // The tabs speak Dutch too, and the EVSE shows the same availability.
  const sections = page.getByRole('navigation', { name: 'Onderdelen van het laadstation' });
  await sections.getByRole('link', { name: "EVSE's en connectoren" }).click();
  await expect(page.getByRole('heading', { name: "EVSE's en connectoren" })).toBeVisible();
  await expect(page.locator('[data-testid^="evse-availability-"]').first()).toHaveAttribute('data-status', 'INOPERATIVE');
  await audit(page, 'station-evses-nl');
  await sections.getByRole('link', { name: 'Opdrachten' }).click();
  const commands = page.getByRole('table', { name: 'Opdrachten' });
  await expect(commands.getByRole('row').filter({ hasText: 'Beschikbaarheid' }).first()).toContainText('Geaccepteerd');
  await screenshot(page, 'station-commands-nl');
});
