import { randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import { audit } from './support/audit';
import { signIn as signInWithForm } from './support/session';
import { expect, test, type Station, type StationPlace, type Tenant } from './support/fixtures';

// The morning check: counts now, stations by status per customer, the last 24 hours of the OCPP
// frame log and the latest status changes, each a link to what it counts; in English and Dutch.

/** An inbound CALL in the frame log, `minutesAgo` before now, as the gateway stores it. */
async function logFrame(sql: postgres.Sql, station: Station, action: string, minutesAgo: number, payload: Record<string, unknown> = {}) {
  await sql`insert into ocpp_messages (station_id, at, direction, message_type, action, message_id, payload)
            values (${station.id}, now() - make_interval(mins => ${minutesAgo}), 'IN', 'CALL', ${action}, ${randomUUID()}, ${sql.json(payload as postgres.JSONValue)})`;
}

type Scene = { tenant: Tenant; faulted: Station; charging: Station; quiet: Station };

type Tools = {
  makeTenant: (options?: { name?: string }) => Promise<Tenant>;
  makeStation: (place: StationPlace) => Promise<Station>;
  reportStatus: (station: Station, status: string) => Promise<void>;
  database: postgres.Sql;
};

/** A customer with three stations: one faulted after charging, one charging, one never heard; another customer's station. */
async function morning({ makeTenant, makeStation, reportStatus, database }: Tools): Promise<Scene> {
  const tenant = await makeTenant({ name: `Morning ${randomUUID().slice(0, 6)}` });
  const elsewhere = await makeTenant();
  const [faulted, charging, quiet] = await Promise.all([1, 2, 3].map(() => makeStation({ tenant })));
  const theirs = await makeStation({ tenant: elsewhere });
  await reportStatus(faulted!, 'OUTOFORDER');
  await reportStatus(charging!, 'CHARGING');
  await reportStatus(theirs, 'OUTOFORDER');
  // Held by the e2e server's gateway (or its sweep takes a connected station without a holder offline), connected 20 min ago.
  await database`update charge_stations
                     set gateway_id = (select id from ocpp_gateways order by seen_at desc limit 1),
                         connected_at = now() - interval '20 minutes',
                         last_boot_at = case when id = ${faulted!.id}::uuid then now() - interval '90 minutes' end
                   where id in ${database([faulted!.id, charging!.id])}`;
  await logFrame(database, faulted!, 'StatusNotification', 89, { connectorId: 1, status: 'Available', errorCode: 'NoError' });
  await logFrame(database, faulted!, 'StatusNotification', 30, { connectorId: 1, status: 'Charging', errorCode: 'NoError' });
  await logFrame(database, faulted!, 'StatusNotification', 2, { connectorId: 1, status: 'Faulted', errorCode: 'GroundFailure' });
  await logFrame(database, theirs, 'StatusNotification', 60, { connectorId: 1, status: 'Available', errorCode: 'NoError' });
  await logFrame(database, theirs, 'StatusNotification', 1, { connectorId: 1, status: 'Faulted', errorCode: 'NoError' });
  return { tenant, faulted: faulted!, charging: charging!, quiet: quiet! };
}

test('a customer admin’s morning check: counts, per-customer statuses, 24 hours and changes, each a link', async ({
  page,
  makeTenant,
  makeStation,
  makeUser,
  reportStatus,
  database,
  signIn,
}) => {
  const scene = await morning({ makeTenant, makeStation, reportStatus, database });
  const user = await makeUser('customer_admin', scene.tenant);
  await signIn(page, user);

  const now = page.getByRole('region', { name: 'Now', exact: true });
  await expect(now.getByRole('link', { name: /Connected stations\s*2/ })).toBeVisible();
  await expect(now.getByRole('link', { name: /Offline stations\s*1/ })).toBeVisible();
  await expect(now.getByRole('link', { name: /Faulted stations\s*1/ })).toBeVisible();

  // Stations by status per customer: only the user's own customer, counts per status.
  const byTenant = page.getByTestId('tenant-status-table');
  await expect(byTenant.getByRole('rowheader')).toHaveText([scene.tenant.name]);
  await expect(byTenant.getByRole('columnheader')).toHaveText(['Customer', 'Charging', 'Out of order', 'Unknown', 'Total']);
  await expect(byTenant.locator('[data-status-kind="station"][data-status="OUTOFORDER"]')).toBeVisible();

  // The last 24 hours: two of the customer's stations connected, one booted (the other customer's are not counted).
  const connectivity = page.getByRole('region', { name: 'Connectivity, last 24 hours' });
  await expect(connectivity.getByTestId('connectivity-summary')).toContainText(
    '2 stations connected and are still connected; 0 went quiet and are offline now; 1 station (re)booted.',
  );
  await connectivity.getByText('Show as a table').click();
  await expect(connectivity.getByRole('table').getByRole('row')).toHaveCount(25);

  // Recent changes, newest first: Charging → Out of order, then Available → Charging; not the other customer's.
  const changes = page.getByTestId('recent-changes').getByRole('listitem');
  await expect(changes).toHaveCount(2);
  await expect(changes.first().locator('[data-status-kind="station"]')).toHaveText(['Charging', 'Out of order']);
  await expect(changes.nth(1).locator('[data-status-kind="station"]')).toHaveText(['Available', 'Charging']);
  await expect(changes.first()).toContainText('connector 1');

  await audit(page, 'dashboard-customer');

  // Each number opens what it counts.
  await now.getByRole('link', { name: /Faulted stations/ }).click();
  await expect(page).toHaveURL(/\/charge-stations\?status=OUTOFORDER$/);
  await expect(page.getByRole('link', { name: scene.faulted.name! })).toBeVisible();
  await expect(page.getByRole('link', { name: scene.charging.name! })).toHaveCount(0);

  await page.goto('/');
  await byTenant.getByRole('link', { name: `1 stations of ${scene.tenant.name}: Charging` }).click();
  await expect(page).toHaveURL(new RegExp(`tenant=${scene.tenant.id}&status=CHARGING$`));
  await expect(page.getByRole('link', { name: scene.charging.name! })).toBeVisible();
  await expect(page.getByRole('link', { name: scene.faulted.name! })).toHaveCount(0);

  await page.goto('/');
  await now.getByRole('link', { name: /Connected stations/ }).click();
  await expect(page).toHaveURL(/heard_since=/);
  await expect(page.getByRole('link', { name: scene.charging.name! })).toBeVisible();
  await expect(page.getByRole('link', { name: scene.quiet.name! })).toHaveCount(0);

  await page.goto('/');
  await now.getByRole('link', { name: /Offline stations/ }).click();
  await expect(page.getByRole('heading', { name: 'Offline stations' })).toBeInViewport();

  await page.getByTestId('recent-changes').getByRole('link', { name: scene.faulted.name! }).first().click();
  await expect(page).toHaveURL(new RegExp(`/charge-stations/${scene.faulted.id}`));
  await expect(page.getByRole('heading', { name: scene.faulted.name!, level: 1 })).toBeVisible();
});

test('the CPO admin’s dashboard over every customer is axe-clean and fits a phone', async ({ page, signIn }) => {
  await signIn(page, { email: 'admin@cpo.example', password: 'demo-password-2026' });
  await expect(page.getByTestId('tenant-status-table').getByRole('rowheader').first()).toBeVisible();
  await audit(page, 'dashboard-cpo');
});

test.describe('in Dutch', () => {
  test.use({ locale: 'nl-NL' });

  test('the morning check speaks Dutch, with Dutch numbers and status words', async ({
    page,
    makeTenant,
    makeStation,
    makeUser,
    reportStatus,
    database,
  }) => {
    const scene = await morning({ makeTenant, makeStation, reportStatus, database });
    const user = await makeUser('customer_admin', scene.tenant);
    await signInWithForm(page, user.email, user.password);

    const now = page.getByRole('region', { name: 'Nu', exact: true });
    await expect(now.getByRole('link', { name: /Verbonden laadstations\s*2/ })).toBeVisible();
    await expect(now.getByRole('link', { name: /Laadstations met storing\s*1/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Laadstations per status en klant' })).toBeVisible();
    await expect(page.getByTestId('tenant-status-table').getByRole('columnheader').first()).toHaveText('Klant');
    await expect(page.getByRole('region', { name: 'Verbinding, laatste 24 uur' }).getByTestId('connectivity-summary')).toContainText(
      'maakten 2 laadstations verbinding die nog steeds verbonden zijn; 0 werden stil en zijn nu offline; 1 laadstation is (opnieuw) opgestart.',
    );
    await expect(page.getByTestId('recent-changes').getByRole('listitem').first()).toContainText('connector 1');
    await expect(page.getByTestId('recent-changes').getByRole('listitem').first().locator('time')).toHaveText(
      /^\d{1,2} [a-z]{3}\.? \d{4},? \d{2}:\d{2}$/,
    );
    await audit(page, 'dashboard-customer-nl');

    await now.getByRole('link', { name: /Laadstations met storing/ }).click();
    await expect(page).toHaveURL(/\/charge-stations\?status=OUTOFORDER$/);
    await expect(page.getByRole('link', { name: scene.faulted.name! })).toBeVisible();
  });

  test('the CPO admin’s dashboard in Dutch is axe-clean and fits a phone', async ({ page }) => {
    await signInWithForm(page, 'admin@cpo.example', 'demo-password-2026');
    await audit(page, 'dashboard-cpo-nl');
  });
});
