import { expect, test, unique, type List, type Station } from './support/fixtures';
import { screenshot } from './support/session';

test.use({ viewport: { width: 390, height: 844 } });

test('an installer on a phone links a just-connected pool station and watches every commissioning step pass', async ({
  page,
  api,
  makeTenant,
  makeUser,
  makeLocation,
  simulateStation,
  signIn,
}) => {
  test.setTimeout(120_000);
  const tenant = await makeTenant({ kind: 'MUNICIPALITY' });
  const site = await makeLocation(tenant, { name: `Busplein ${unique()}` });
  // A new station nobody registered: it connects without a password and lands in the pool.
  const simulated = simulateStation({ ocppId: `POOL-${unique().toUpperCase()}`, connectors: 2 });
  const pending = simulated.waitFor('pending', { timeoutMs: 15_000 });
  await simulated.connect();
  await pending;
  // The product learns its connectors from the status it is asked for while Pending.
  const [pooled] = (await api.get<List<Station>>(`/charge-stations?q=${simulated.ocppId}`)).data;
  expect(pooled).toMatchObject({ tenant_id: null, location_id: null });
  await expect.poll(async () => (await api.get<Station>(`/charge-stations/${pooled!.id}`)).evses.length, { timeout: 10_000 }).toBe(2);

  await signIn(page, await makeUser('installer', tenant));
  await page.goto(`/installer?${new URLSearchParams({ place: site.name })}`);
  const recent = page.getByRole('region', { name: 'Connected in the last hour, not yet linked' });
  const card = recent.getByRole('article', { name: `Station ${simulated.ocppId}` });
  await expect(card.getByTestId('connection-state')).toHaveAttribute('data-status', 'CONNECTED', { timeout: 15_000 });
  await expect(card.getByLabel('Location').locator('option').first()).toHaveAttribute('value', site.id);

  // Linking provisions the station's own password: it reconnects with it and is accepted.
  const accepted = simulated.waitFor('accepted', { timeoutMs: 30_000 });
  await card.getByRole('button', { name: 'Link to this location' }).click();
  const found = page.getByRole('region', { name: 'Found stations' }).getByRole('article', { name: `Station ${simulated.ocppId}` });
  await expect(found.getByText('linked to a location')).toBeVisible();
  await accepted;
  expect(simulated.password).toMatch(/^[0-9a-f]{40}$/);

  // With a charge on the first connector, all six steps run.
  await found.getByLabel('Charge test (remote start and stop)').selectOption({ index: 1 });
  await found.getByRole('button', { name: 'Run commissioning test' }).click();
  await expect(found.getByRole('heading', { name: 'Test running…' })).toBeVisible();
  await expect(found.getByRole('heading', { name: 'Latest test: Passed' })).toBeVisible({ timeout: 60_000 });
  for (const step of ['connected', 'boot_accepted', 'heartbeat', 'connector_status', 'configuration', 'remote_start_stop']) {
    await expect(found.getByTestId(`test-step-${step}`)).toHaveAttribute('data-status', 'PASSED');
  }
  await expect(found.getByTestId('commissioning-status')).toHaveAttribute('data-status', 'TESTED');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot(page, 'installer-commissioning-phone');
});
