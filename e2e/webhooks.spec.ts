import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { expect, test, unique } from './support/fixtures';
import { audit } from './support/audit';

type Received = { headers: Record<string, string>; body: string };

/** A webhook receiver on 127.0.0.1 (the e2e server allows private addresses): keeps every POST, answers 200. */
async function startReceiver() {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
      if (request.method === 'POST') received.push({ headers, body });
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks/${unique()}`, received, close: () => new Promise((resolve) => server.close(resolve)) };
}

test('a CPO admin subscribes a receiver, sees the secret once, sends a test event and finds it delivered and verifiable', async ({
  page,
  makeTenant,
  makeUser,
  signIn,
}) => {
  const receiver = await startReceiver();
  try {
    const tenant = await makeTenant();
    await signIn(page, await makeUser('cpo_admin'));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' }).click();
    await expect(page.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeVisible();
    await page.getByRole('link', { name: 'New webhook' }).click();

    const form = page.getByRole('form', { name: 'New webhook' });
    const tenantSelect = form.getByLabel('Events of');
    await expect(tenantSelect.getByRole('option', { name: 'All tenants (CPO-wide)' })).toHaveCount(1);
    // The test's own tenant, so other journeys' changes send it nothing.
    await tenantSelect.selectOption({ label: tenant.name });
    // Without an event the API's own validation answers at the field.
    await form.getByLabel('URL').fill(receiver.url);
    await form.getByRole('button', { name: 'Create webhook' }).click();
    await expect(form.getByRole('group', { name: 'Events' })).toContainText(/at least 1|too small|expected/i);

    await form.getByLabel('location.created').check();
    await form.getByLabel('charge_station.status_changed').check();
    await form.getByLabel('Description (optional)').fill('CRM e2e');
    await form.getByRole('button', { name: 'Create webhook' }).click();
    const shown = page.getByTestId('one-time-secret');
    await expect(shown).toContainText('it will not be shown again');
    const secret = await shown.getByRole('textbox').inputValue();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]+$/);
    await audit(page, 'webhook-created');

    await page.getByRole('link', { name: 'Open the webhook' }).click();
    await expect(page.getByRole('heading', { name: receiver.url, level: 1 })).toBeVisible();
    expect(await page.content()).not.toContain(secret);
    await expect(page.locator('dt:has-text("Events of") + dd')).toHaveText(tenant.name);
    await expect(page.locator('dt:has-text("Status") + dd')).toContainText('Enabled');

    await page.getByRole('button', { name: 'Send test event' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Test event queued' })).toBeVisible();
    const log = page.getByRole('table', { name: 'Delivery log' });
    const row = log.locator('tbody tr', { hasText: 'webhook.test' });
    // The page refreshes itself while a delivery is pending.
    await expect(row.locator('[data-status-kind="delivery"][data-status="SUCCEEDED"]')).toHaveText('Succeeded', { timeout: 15_000 });
    await expect(row.locator('td').nth(3)).toHaveText('200');
    await expect(row.locator('td').nth(2)).toHaveText('1');

    await expect.poll(() => receiver.received.length).toBe(1);
    const [delivery] = receiver.received;
    expect(delivery!.headers['webhook-id']).toBeTruthy();
    expect(delivery!.headers['webhook-signature']).toMatch(/^v1,/);
    const payload = new Webhook(secret).verify(delivery!.body, delivery!.headers) as { type: string; data: { url: string } };
    expect(payload.type).toBe('webhook.test');
    expect(payload.data.url).toBe(receiver.url);
    await audit(page, 'webhook-detail');

    // Retry sends it again with the same webhook-id; its attempts start over (so it shows 1 again).
    await row.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBe(2);
    expect(receiver.received[1]!.headers['webhook-id']).toBe(delivery!.headers['webhook-id']);
    await expect(row.locator('td').nth(1)).toHaveText('Succeeded', { timeout: 15_000 });
    await expect(row.locator('td').nth(2)).toHaveText('1');

    // Disable, then edit the description; the list shows the state.
    await page.getByRole('button', { name: 'Disable' }).click();
    await expect(page.locator('dt:has-text("Status") + dd')).toContainText('Disabled');
    await expect(page.getByRole('button', { name: 'Enable', exact: true })).toBeVisible();
    const edit = page.getByRole('form', { name: 'Edit webhook' });
    await edit.getByLabel('Description (optional)').fill('CRM e2e, paused');
    await edit.getByRole('button', { name: 'Save webhook' }).click();
    await expect(edit.getByRole('status').filter({ hasText: 'Webhook saved.' })).toBeVisible();
    await page.goto('/webhooks');
    const listed = page.getByRole('table', { name: 'Webhooks' }).locator('tbody tr', { hasText: receiver.url });
    await expect(listed).toContainText('CRM e2e, paused');
    await expect(listed).toContainText('Disabled');
    await audit(page, 'webhooks');
  } finally {
    await receiver.close();
  }
});

test('roles without webhook:manage get no Webhooks navigation and a 404', async ({ page, makeTenant, makeUser, signIn }) => {
  const tenant = await makeTenant();
  await signIn(page, await makeUser('customer_operator', tenant));
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' })).toHaveCount(0);
  for (const path of ['/webhooks', '/webhooks/new']) expect((await page.goto(path))?.status(), path).toBe(404);
});
