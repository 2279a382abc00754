import { expect, test, unique } from './support/fixtures';
import { screenshot } from './support/session';

test('a customer operator sets a connected station inoperative and sees APPLIED without reloading', async ({
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
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'CONNECTED');
  await expect(page.getByTestId('station-status')).toHaveText('AVAILABLE');
  // Marks this document: a reload or a navigation would lose the mark.
  await page.evaluate(() => Object.assign(window, { e2eSameDocument: true }));

  const availability = page.getByRole('form', { name: 'Station availability' });
  await availability.getByRole('button', { name: 'Set inoperative', exact: true }).click();
  await expect(availability.getByTestId('form-outcome')).toHaveText(/Availability saved/);
  // The station answers Accepted, reports Unavailable, and the page follows on its own.
  await expect(page.getByTestId('station-availability-sync')).toHaveText('APPLIED', { timeout: 30_000 });
  await expect(page.getByRole('region', { name: 'Availability' })).toContainText('The station confirmed it.');
  await expect(page.getByTestId('station-status')).toHaveText('INOPERATIVE');
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
  await expect(commands.getByRole('row').filter({ hasText: 'Availability' }).first()).toContainText('ACCEPTED');
  await screenshot(page, 'station-commands-phone');
});
