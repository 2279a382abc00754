import type { Request } from '@playwright/test';
import { acEvse, expect, test, type List, type Station } from './support/fixtures';
import { screenshot } from './support/session';

test('a condominium operator changes availability and one connector’s tariff codes; the API and the audit log show it; a forged call by a viewer is refused', async ({
  page,
  api,
  browser,
  makeTenant,
  makeUser,
  makeLocation,
  makeStation,
  makeTariff,
  reportStatus,
  signIn,
}) => {
  // A condominium with a standard and a residents' tariff, and a two-EVSE station on the standard one.
  const tenant = await makeTenant({ kind: 'CONDOMINIUM' });
  const [standard, resident] = [await makeTariff([tenant]), await makeTariff([tenant])];
  const station = await makeStation({ location: await makeLocation(tenant) }, { evses: [acEvse([standard.id]), acEvse([standard.id])] });
  await reportStatus(station, 'AVAILABLE');
  // The viewer belongs to another tenant, with a station of its own.
  const viewersTenant = await makeTenant({ kind: 'MUNICIPALITY' });
  await makeStation({ location: await makeLocation(viewersTenant) });
  const viewerUser = await makeUser('viewer', viewersTenant);

  const before = await api.get<Station>(`/charge-stations/${station.id}`);
  expect(before.availability).toBe('OPERATIVE');
  const evse = before.evses[0]!;
  const connector = evse.connectors[0]!;

  await signIn(page, await makeUser('customer_operator', tenant));
  await page.goto(`/charge-stations/${station.id}`);
  let actionRequest: Request | undefined;
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.headers()['next-action']) actionRequest ??= r;
  });
  const availability = page.getByRole('form', { name: 'Station availability' });
  await availability.getByRole('button', { name: 'Set inoperative', exact: true }).click();
  await expect(availability.getByTestId('form-outcome')).toHaveText(/Availability saved/);
  await expect(page.getByTestId('station-availability')).toHaveAttribute('data-status', 'INOPERATIVE');
  await expect(page.getByTestId('station-availability-sync')).toHaveAttribute('data-status', /^(PENDING|OFFLINE)$/);

  // One connector's tariff codes, from the codes offered to the tenant, on the EVSEs tab.
  const sections = page.getByRole('navigation', { name: 'Station sections' });
  await sections.getByRole('link', { name: 'EVSEs and connectors' }).click();
  await page.getByText('Edit tariff codes per connector').first().click();
  const tariffs = page.getByRole('form', { name: `Tariff codes of connector ${connector.id} of ${evse.evse_id ?? 'EVSE 1'}` });
  await tariffs.getByLabel(new RegExp(`^${resident.id}`)).check();
  await tariffs.getByLabel(new RegExp(`^${standard.id}`)).uncheck();
  await tariffs.getByRole('button', { name: 'Save connector tariffs' }).click();
  await expect(tariffs.getByTestId('form-outcome')).toHaveText(/Tariff codes saved/);
  await expect(page.getByTestId(`tariffs-${evse.uid}-${connector.id}`)).toHaveText(resident.id);
  await screenshot(page, 'station-self-service');
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot(page, 'station-self-service-phone');
  await page.setViewportSize({ width: 1280, height: 720 });

  await sections.getByRole('link', { name: 'History' }).click();
  await expect(page.getByTestId('station-audit')).toContainText('charge_station.tariffs_set');
  await expect(page.getByRole('link', { name: 'Full audit history of this station' })).toHaveAttribute(
    'href',
    `/audit?entity=charge_station&entity_id=${station.id}`,
  );

  const after = await api.get<Station>(`/charge-stations/${station.id}`);
  expect(after.availability).toBe('INOPERATIVE');
  const codes = (s: Station) => s.evses.map((e) => e.connectors.map((c) => c.tariff_ids));
  const expected = codes(before);
  expected[0]![0] = [resident.id];
  expect(codes(after)).toEqual(expected);
  // The same through the operator's own session.
  expect(((await (await page.request.get(`/api/v2/charge-stations/${station.id}`)).json()) as Station).version).toBe(after.version);
  const audit = await api.get<List<{ action: string; changes: Record<string, unknown> }>>(
    `/audit-events?entity=charge_station&entity_id=${station.id}`,
  );
  const events = audit.data;
  expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['charge_station.availability_set', 'charge_station.tariffs_set']));
  expect(events.find((e) => e.action === 'charge_station.tariffs_set')!.changes).toHaveProperty('evses');

  // The viewer sees no controls, and replaying the operator's action with the viewer's session fails.
  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await signIn(viewer, viewerUser);
  expect((await viewer.goto(`/charge-stations/${station.id}`))?.status()).toBe(404); // another tenant
  const ownStation = (await (await viewer.request.get('/api/v2/charge-stations?limit=1')).json()).data[0];
  await viewer.goto(`/charge-stations/${ownStation.id}?tab=evses`);
  await expect(viewer.getByRole('heading', { name: 'EVSEs and connectors' })).toBeVisible();
  await expect(viewer.getByRole('button', { name: /Set (in)?operative/ })).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: 'Save tariff codes' })).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: /^Save|^Set key|^Add window|^Link|^Remove/ })).toHaveCount(0);

  const forged = actionRequest!;
  // The permission check comes before the version check, so only the station id needs swapping.
  const body = forged.postData()!.replaceAll(station.id, ownStation.id);
  const replay = await viewer.request.post(`/charge-stations/${ownStation.id}`, {
    headers: {
      'next-action': forged.headers()['next-action']!,
      'content-type': forged.headers()['content-type']!,
      accept: 'text/x-component',
    },
    data: body,
  });
  expect(replay.status()).toBeLessThan(500);
  // The action ran and its service refused: the result carries the 403 code.
  expect(await replay.text()).toContain('"code":"forbidden"');
  const unchanged = (await (await viewer.request.get(`/api/v2/charge-stations/${ownStation.id}`)).json()) as {
    availability: string;
    version: number;
  };
  expect(unchanged).toMatchObject({ availability: ownStation.availability, version: ownStation.version });
  await viewerContext.close();
});

test('an operator edits details (with field errors), groups, configuration and maintenance; a stale form reports the conflict', async ({
  page,
  api,
  browser,
  makeTenant,
  makeUser,
  makeLocation,
  makeStation,
  signIn,
}) => {
  const tenant = await makeTenant({ kind: 'CONDOMINIUM' });
  const station = await makeStation({ location: await makeLocation(tenant) }, { model: 'Eve Double', max_power_kw: 22 });
  const operator = await makeUser('customer_operator', tenant);

  await signIn(page, operator);
  await page.goto(`/charge-stations/${station.id}`);
  // A second tab on the same version, used at the end for the conflict.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, operator);
  await other.goto(`/charge-stations/${station.id}`);
  // Typing holds the tab's live refresh, so its form stays on the version it was loaded with.
  const stale = other.getByRole('form', { name: 'Station details' });
  await stale.getByLabel('Name').fill('Overwritten?');

  const details = page.getByRole('form', { name: 'Station details' });
  await details.getByLabel('Max power (kW)').fill('lots');
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(details.getByLabel('Max power (kW)')).toHaveAttribute('aria-invalid', 'true');
  await expect(details.getByText('Some fields are not valid.')).toBeVisible();
  await details.getByLabel('Max power (kW)').fill('11');
  await details.getByLabel('Model').fill('Eve Single');
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(details.getByTestId('form-outcome')).toHaveText('Station details saved.');

  const sections = page.getByRole('navigation', { name: 'Station sections' });
  await sections.getByRole('link', { name: 'Remarks and groups' }).click();
  const notes = page.getByRole('form', { name: 'Remarks and groups' });
  await notes.getByLabel('Groups').fill('Garage A, Phase 2');
  await notes.getByLabel('Remarks').fill('Key at the concierge');
  await notes.getByRole('button', { name: 'Save remarks and groups' }).click();
  await expect(notes.getByTestId('form-outcome')).toHaveText('Remarks and groups saved.');

  await sections.getByRole('link', { name: 'Configuration' }).click();
  const config = page.getByRole('form', { name: 'Set a configuration key' });
  await config.getByLabel('Key').fill('MeterValueSampleInterval');
  await config.getByLabel('Value').fill('60');
  await config.getByRole('button', { name: 'Set key' }).click();
  await expect(config.getByTestId('form-outcome')).toHaveText(/Configuration saved/);
  await expect(page.getByTestId('configuration-MeterValueSampleInterval')).toContainText('60');
  await expect(page.getByTestId('configuration-sync-MeterValueSampleInterval')).toHaveAttribute('data-status', /^(PENDING|OFFLINE)$/);
  await sections.getByRole('link', { name: 'Maintenance' }).click();

  const maintenance = page.getByRole('form', { name: 'Add a maintenance window' });
  await maintenance.getByLabel('Starts (UTC)').fill('2027-03-01T08:00');
  await maintenance.getByLabel('Ends (UTC)').fill('2027-03-01T07:00');
  await maintenance.getByRole('button', { name: 'Add window' }).click();
  await expect(maintenance.getByText('must be after starts_at')).toBeVisible();
  // React resets a form after its action returns, so every field is filled again.
  await maintenance.getByLabel('Starts (UTC)').fill('2027-03-01T08:00');
  await maintenance.getByLabel('Ends (UTC)').fill('2027-03-01T12:00');
  await maintenance.getByLabel('Reason').fill('Annual inspection');
  await maintenance.getByRole('button', { name: 'Add window' }).click();
  await expect(maintenance.getByTestId('form-outcome')).toHaveText('Maintenance window added.');
  await expect(page.getByText('1 Mar 2027, 08:00 UTC – 1 Mar 2027, 12:00 UTC: Annual inspection')).toBeVisible();

  const after = await api.get<Station>(`/charge-stations/${station.id}`);
  expect(after).toMatchObject({
    model: 'Eve Single',
    max_power_kw: 11,
    remarks: 'Key at the concierge',
    configuration: expect.objectContaining({ MeterValueSampleInterval: '60' }),
    maintenance_windows: [{ starts_at: '2027-03-01T08:00:00Z', ends_at: '2027-03-01T12:00:00Z', reason: 'Annual inspection' }],
  });
  expect([...after.custom_groups].sort()).toEqual(['Garage A', 'Phase 2']);

  // The other tab still holds the first version: its save is refused with a reload offer.
  await stale.getByRole('button', { name: 'Save details' }).click();
  await expect(stale.getByText(/Someone else changed this/)).toBeVisible();
  await expect(stale.getByRole('button', { name: 'Reload to see the latest version' })).toBeVisible();
  expect((await api.get<Station>(`/charge-stations/${station.id}`)).name).toBe(after.name);
  await otherContext.close();
});
