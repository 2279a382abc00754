import { expect, test, type Request } from '@playwright/test';
import { DEMO_API_KEYS } from '@/lib/seed/demo-accounts';
import { screenshot, signIn } from './support/session';

const parkzicht = { authorization: `Bearer ${DEMO_API_KEYS.find((k) => k.tenant === 'vve-parkzicht')!.secret}` };

test('a condominium operator changes availability and tariff codes; the API and the audit log show it; a forged call by a viewer is refused', async ({
  page,
  request,
  browser,
}) => {
  const list = await request.get('/api/v2/charge-stations?limit=1&sort=ocpp_id&status=AVAILABLE', { headers: parkzicht });
  const station = (await list.json()).data[0] as { id: string; availability: string };
  expect(station.availability).toBe('OPERATIVE');

  await signIn(page, 'operator@parkzicht.example');
  await page.goto(`/charge-stations/${station.id}`);
  let actionRequest: Request | undefined;
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.headers()['next-action']) actionRequest ??= r;
  });
  await page.getByRole('button', { name: 'Set inoperative' }).click();
  await expect(page.getByTestId('form-outcome')).toHaveText(/Availability saved/);
  await expect(page.getByText(/^INOPERATIVE — sync (PENDING|OFFLINE)$/)).toBeVisible();

  await page.getByLabel(/^AC-RESIDENT/).check();
  await page.getByLabel(/^AC-STANDARD/).uncheck();
  await page.getByRole('button', { name: 'Save tariff codes' }).click();
  await expect(page.getByTestId('form-outcome').last()).toHaveText(/Tariff codes saved/);
  await screenshot(page, 'station-self-service');

  const after = await (await request.get(`/api/v2/charge-stations/${station.id}`, { headers: parkzicht })).json();
  expect(after.availability).toBe('INOPERATIVE');
  expect(after.evses.flatMap((e: { connectors: { tariff_ids: string[] }[] }) => e.connectors.map((c) => c.tariff_ids))).toEqual(
    after.evses.flatMap((e: { connectors: unknown[] }) => e.connectors.map(() => ['AC-RESIDENT'])),
  );
  const audit = await (await request.get(`/api/v2/audit-events?entity=charge_station&entity_id=${station.id}`, { headers: parkzicht })).json();
  const actions = audit.data.map((e: { action: string }) => e.action);
  expect(actions).toEqual(expect.arrayContaining(['charge_station.availability_set', 'charge_station.tariffs_set']));

  // The viewer sees no controls, and replaying the operator's action with the viewer's session fails.
  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await signIn(viewer, 'viewer@utrecht.example');
  expect((await viewer.goto(`/charge-stations/${station.id}`))?.status()).toBe(404); // another tenant
  const ownStation = (await (await viewer.request.get('/api/v2/charge-stations?limit=1')).json()).data[0];
  await viewer.goto(`/charge-stations/${ownStation.id}`);
  await expect(viewer.getByRole('heading', { name: 'EVSEs and connectors' })).toBeVisible();
  await expect(viewer.getByRole('button', { name: /Set (in)?operative/ })).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: 'Save tariff codes' })).toHaveCount(0);

  const forged = actionRequest!;
  // The permission check comes before the version check, so only the station id needs swapping.
  const body = forged.postData()!.replaceAll(station.id, ownStation.id);
  const replay = await viewer.request.post(`/charge-stations/${ownStation.id}`, {
    headers: { 'next-action': forged.headers()['next-action']!, 'content-type': forged.headers()['content-type']!, accept: 'text/x-component' },
    data: body,
  });
  expect(replay.status()).toBeLessThan(500);
  // The action ran and its service refused: the result carries the 403 code.
  expect(await replay.text()).toContain('"code":"forbidden"');
  const unchanged = (await (await viewer.request.get(`/api/v2/charge-stations/${ownStation.id}`)).json()) as { availability: string; version: number };
  expect(unchanged).toMatchObject({ availability: ownStation.availability, version: ownStation.version });
  await viewerContext.close();
});
