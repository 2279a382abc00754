import { expect, test, unique } from './support/fixtures';
import { screenshot } from './support/session';

test('a customer operator sets a connected station inoperative and sees it applied without reloading', async ({
  page,
  makeTenant,
  makeUser,
  makeLocation,
  makeStation,
  simulateStation,
  signIn,
}) => {
  const tenant = await makeTenant({ kind: 'CONDOMINIUM' });
  const password = `e2e-station-${unique()}${unique()}`;
  const station = await makeStation(
    { location: await makeLocation(tenant) },
    { ocpp_id: `LIVE-${unique().toUpperCase()}`, ocpp_password: password },
  );
  const simulated = simulateStation({ ocppId: station.ocpp_id, password, connectors: 1 });
  const accepted = simulated.waitFor('accepted', { timeoutMs: 15_000 });
  await simulated.connect();
  await accepted;

  await signIn(page, await makeUser('customer_operator', tenant));
  await page.goto(`/charge-stations/${station.id}`);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-status', 'CONNECTED');
  await expect(page.getByTestId('station-status')).toHaveAttribute('data-status', 'AVAILABLE');
  await expect(page.getByTestId('station-status')).toHaveText('Available');
  // Marks this document: a reload or a navigation would lose the mark.
  await page.evaluate(() => Object.assign(window, { e2eSameDocument: true }));

  const availability = page.getByRole('form', { name: 'Station availability' });
  await availability.getByRole('button', { name: 'Set inoperative', exact: true }).click();
  await expect(availability.getByTestId('form-outcome')).toHaveText(/Availability saved/);
  // The station answers Accepted, reports Unavailable, and the page follows on its own.
  await expect(page.getByTestId('station-availability-sync')).toHaveAttribute('data-status', 'APPLIED', { timeout: 30_000 });
  const header = page.getByRole('region', { name: 'Availability' });
  await expect(header.getByTestId('station-availability')).toHaveText('Inoperative');
  await expect(header).toContainText('The station confirmed it.');
  await expect(page.getByTestId('station-status')).toHaveAttribute('data-status', 'INOPERATIVE');
  // The switch offers the way back.
  await expect(availability.getByRole('button', { name: 'Set operative', exact: true })).toBeVisible();
  expect(await page.evaluate(() => (window as { e2eSameDocument?: boolean }).e2eSameDocument)).toBe(true);
  await screenshot(page, 'station-live-applied');

  // The exchange is in the station's message log, newest first.
  await page.getByRole('navigation', { name: 'Station sections' }).getByRole('link', { name: 'OCPP messages' }).click();
  await expect(page.getByRole('table', { name: 'OCPP messages' })).toContainText('ChangeAvailability');
  const log = page.getByRole('table', { name: 'OCPP messages' });
  await expect(log).toContainText('StatusNotification');
  const change = log.getByRole('row').filter({ hasText: 'ChangeAvailability' }).filter({ hasText: 'to station' }).first();
  await change.getByText('Payload').click();
  await expect(change.locator('pre')).toContainText('"type": "Inoperative"');
  await screenshot(page, 'station-messages-desktop');
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot(page, 'station-messages-phone');

  await page.getByRole('navigation', { name: 'Station sections' }).getByRole('link', { name: 'Commands' }).click();
  const commands = page.getByRole('table', { name: 'Commands' });
  const command = commands.getByRole('row').filter({ hasText: 'Availability' }).first();
  await expect(command.locator('[data-status-kind="command"]')).toHaveAttribute('data-status', 'ACCEPTED');
  await screenshot(page, 'station-commands-phone');
});

test('the live refresh stops while the tab is hidden and catches up when it is shown again', async ({
  page,
  makeTenant,
  makeUser,
  makeLocation,
  makeStation,
  signIn,
}) => {
  const tenant = await makeTenant({ kind: 'CONDOMINIUM' });
  const station = await makeStation({ location: await makeLocation(tenant) });
  await signIn(page, await makeUser('viewer', tenant));
  await page.goto(`/charge-stations/${station.id}`);
  await expect(page.getByTestId('live-refresh')).toHaveText('Updates live.');
  // router.refresh() fetches the page's server components: a GET with the `rsc` header.
  let refreshes = 0;
  page.on('request', (r) => {
    if (r.method() === 'GET' && r.headers()['rsc'] === '1') refreshes += 1;
  });
  await expect.poll(() => refreshes, { timeout: 15_000 }).toBeGreaterThan(0);

  const setVisibility = (state: 'hidden' | 'visible') =>
    page.evaluate((value) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => value });
      document.dispatchEvent(new Event('visibilitychange'));
    }, state);
  await setVisibility('hidden');
  // Let a refresh already on its way land first.
  await page.waitForTimeout(500);
  const whileHidden = refreshes;
  await page.waitForTimeout(11_000);
  expect(refreshes, 'no refresh while the tab is hidden').toBe(whileHidden);

  await setVisibility('visible');
  await expect.poll(() => refreshes, { timeout: 3_000 }).toBeGreaterThan(whileHidden);
});
