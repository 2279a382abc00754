import type { Page } from '@playwright/test';
import { acEvse, expect, test, unique } from './support/fixtures';
import { E2E_ADMIN_API_KEY } from './support/settings';

// Stored markup is data: every text field of tenants, locations, stations, tariffs, hardware
// templates and users holds a script or an attribute breakout, and every page that shows them
// renders the text literally — no dialog fires, no injected element appears.
const SCRIPT = '<script>alert(1)</script>';
const BREAKOUT = '"><img src=x onerror=alert(1)>';

function watchForScripts(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(`${page.url()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  return dialogs;
}

test('markup stored in every text field renders as text on every list and detail page, and in the docs', async ({
  page,
  api,
  makeTenant,
  makeLocation,
  makeUser,
  makeTariff,
  signIn,
}) => {
  test.setTimeout(180_000);
  const id = unique();
  const tag = (payload: string) => `${payload} ${id}`;
  const tenant = await makeTenant({ name: tag(SCRIPT) });
  await api.patch(`/tenants/${tenant.id}`, { external_id: tag(BREAKOUT) });
  const location = await makeLocation(tenant, {
    name: tag(BREAKOUT),
    address: tag(SCRIPT),
    city: tag(BREAKOUT),
    state: tag(SCRIPT),
    remarks: tag(SCRIPT),
    external_id: tag(SCRIPT),
    custom_groups: [tag(BREAKOUT)],
    directions: [{ language: 'en', text: tag(SCRIPT) }],
    maintenance: { contractor: tag(BREAKOUT) },
  });
  const tariff = await makeTariff([tenant], { name: tag(SCRIPT) });
  const station = await api.post<{ id: string }>('/charge-stations', {
    ocpp_id: `XSS-${id}`,
    location_id: location.id,
    name: tag(SCRIPT),
    vendor: tag(BREAKOUT),
    model: tag(SCRIPT),
    serial_number: tag(BREAKOUT),
    firmware_version: `<b>${id}`,
    charger_type: 'AC',
    remarks: tag(BREAKOUT),
    custom_groups: [tag(SCRIPT)],
    configuration: { HeartbeatInterval: tag(SCRIPT) },
    evses: [acEvse([tariff.id])],
  });
  const template = await api.post<{ id: string }>('/hardware-templates', {
    name: tag(SCRIPT),
    vendor: tag(BREAKOUT),
    model: tag(SCRIPT),
    charger_type: 'AC',
    max_power_kw: 22,
    evses: [
      {
        physical_reference: 'L',
        connectors: [{ id: '1', standard: 'IEC_62196_T2', format: 'SOCKET', power_type: 'AC_3_PHASE', max_voltage: 400, max_amperage: 32 }],
      },
    ],
  });
  const user = await makeUser('viewer', [tenant], { name: tag(BREAKOUT) });

  const dialogs = watchForScripts(page);
  await signIn(page, await makeUser('cpo_admin', [], { name: `Admin ${id}` }));
  const q = `?q=${id}`;
  const pages: [string, string[]][] = [
    [`/tenants${q}`, [tag(SCRIPT)]],
    [`/tenants/${tenant.id}`, [tag(SCRIPT)]],
    [`/locations${q}`, [tag(BREAKOUT)]],
    [`/locations/${location.id}`, [tag(BREAKOUT), tag(SCRIPT)]],
    [`/charge-stations${q}`, [tag(SCRIPT)]],
    [`/charge-stations/${station.id}`, [tag(SCRIPT), tag(BREAKOUT)]],
    [`/tariffs${q}`, [tag(SCRIPT)]],
    [`/tariffs/${tariff.id}`, [tag(SCRIPT)]],
    [`/hardware-templates${q}`, [tag(SCRIPT)]],
    [`/hardware-templates/${template.id}`, [tag(SCRIPT)]],
    [`/users${q}`, [tag(BREAKOUT)]],
    [`/users/${user.id}`, [tag(BREAKOUT)]],
    [`/audit?entity_id=${station.id}`, []],
    // The docs page renders no stored text, but takes a fragment and a query from the address bar.
    [`/docs?url=${encodeURIComponent(BREAKOUT)}#/${encodeURIComponent(SCRIPT + BREAKOUT)}`, []],
  ];
  for (const [path, texts] of pages) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    for (const text of texts) await expect(page.getByText(text).filter({ visible: true }).first(), `${path} shows ${text}`).toBeVisible();
    await expect(page.locator('img[src="x"]'), path).toHaveCount(0);
    // The only scripts are the app's own: none carries the stored text.
    const injected = await page
      .locator('script')
      .evaluateAll((scripts, marker) => scripts.filter((s) => s.textContent?.includes(`alert(1)</script> ${marker}`)).length, id);
    expect(injected, path).toBe(0);
  }
  expect(dialogs).toEqual([]);
  // Control: the watcher does see a dialog when a script runs.
  await page.evaluate(() => window.alert('control'));
  expect(dialogs).toEqual([expect.stringContaining(': control')]);
});

test('exports carry stored markup verbatim as data, correctly quoted', async ({ makeTenant, makeLocation, request }) => {
  const id = unique();
  const tenant = await makeTenant({ name: `Export ${id}` });
  await makeLocation(tenant, { name: `${SCRIPT} ${id}`, remarks: `${BREAKOUT}\n=1+1`, custom_groups: [`g-${id}`] });
  const headers = { authorization: `Bearer ${E2E_ADMIN_API_KEY}` };
  const ndjson = await request.get(`/api/v2/locations/export?format=ndjson&custom_group=g-${id}`, { headers });
  expect(ndjson.headers()['content-type']).toBe('application/x-ndjson');
  const [line] = (await ndjson.text()).trim().split('\n');
  expect(JSON.parse(line!)).toMatchObject({ name: `${SCRIPT} ${id}`, remarks: `${BREAKOUT}\n=1+1` });
  const csv = await request.get(`/api/v2/locations/export?format=csv&custom_group=g-${id}`, { headers });
  expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
  const text = await csv.text();
  expect(text).toContain(`${SCRIPT} ${id}`);
  // The breakout's quote is doubled inside a quoted cell, the newline stays inside it.
  expect(text).toContain(`"""><img src=x onerror=alert(1)>\n=1+1"`);
});

test('over real HTTP: traversal ids, bodies that are not UTF-8 and bodies over 1 MiB are 4xx problems', async ({ request }) => {
  const headers = { authorization: `Bearer ${E2E_ADMIN_API_KEY}`, 'content-type': 'application/json' };
  const expectProblem = async (response: Awaited<ReturnType<typeof request.get>>, status: number) => {
    expect(response.status()).toBe(status);
    expect(response.headers()['content-type']).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({
      status,
      type: expect.any(String),
      title: expect.any(String),
      detail: expect.any(String),
    });
  };
  await expectProblem(await request.get('/api/v2/locations/..%2f..%2fetc%2fpasswd', { headers }), 404);
  await expectProblem(await request.get(`/api/v2/charge-stations/${'%2e%2e%2f'.repeat(50)}`, { headers }), 404);
  const notUtf8 = Buffer.concat([Buffer.from('{"name":"a'), Buffer.from([0xff, 0xfe]), Buffer.from('b"}')]);
  await expectProblem(await request.post('/api/v2/tenants', { headers, data: notUtf8 }), 400);
  await expectProblem(await request.post('/api/v2/tenants', { headers, data: `{"name":"${'x'.repeat(1024 * 1024)}"}` }), 413);
  await expectProblem(await request.post('/api/v2/tenants', { headers, data: `{"name":${'['.repeat(10_000)}${']'.repeat(10_000)}}` }), 400);
});
