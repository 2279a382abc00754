import fs from 'node:fs';
import { expect, test, unique, type List, type Location } from './support/fixtures';
import { audit } from './support/audit';

test('a CPO admin imports locations from a CSV: a dry run, then for real; the bad row is reported and in the error report', async ({
  page,
  api,
  makeTenant,
  makeUser,
  signIn,
}) => {
  const tenant = await makeTenant();
  const suffix = unique();
  const csv = [
    'tenant_id,external_id,name,address,city,country,latitude,longitude',
    `${tenant.id},IMP-${suffix}-1,Parkzicht ${suffix},Parklaan 12,Utrecht,NLD,52.0907,5.1214`,
    `${tenant.id},IMP-${suffix}-2,Stationsplein ${suffix},Stationsplein 1,Utrecht,NLD,52.0894,5.1100`,
    `${tenant.id},IMP-${suffix}-3,Nergens ${suffix},Nergensweg 3,Utrecht,NLD,north,5.1300`,
  ].join('\n');
  await signIn(page, await makeUser('cpo_admin'));

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Imports' }).click();
  await expect(page.getByRole('heading', { name: 'Imports', level: 1 })).toBeVisible();

  // The template is the header the import reads, with an example row.
  const template = await page.request.get('/imports/template?entity=locations');
  expect(template.headers()['content-type']).toContain('text/csv');
  const [header] = (await template.text()).split('\r\n');
  expect(header).toMatch(/^tenant_id,external_id,name,address,city,.*,country,latitude,longitude,/);
  await expect(page.getByRole('link', { name: 'Download template CSV (locations)' })).toBeVisible();

  const form = page.getByRole('form', { name: 'Upload an import file' });
  await form.getByLabel('File').setInputFiles({ name: `sites-${suffix}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await form.getByLabel('Rows are').selectOption({ label: 'Locations' });
  await expect(form.getByLabel('Dry run first')).toBeChecked();
  await form.getByRole('button', { name: 'Upload for a dry run' }).click();

  const job = page.getByTestId('import-job');
  await expect(job.getByRole('heading', { name: 'Dry run: locations' })).toBeVisible();
  await expect(job.getByRole('progressbar')).toBeVisible();
  await expect(job.getByRole('status')).toContainText('Succeeded');
  await expect(job.getByText('3 of 3 rows')).toBeVisible();
  const counts = job.getByTestId('import-counts');
  await expect(counts).toContainText('Would create2');
  await expect(counts).toContainText('Would fail1');
  // A dry run writes nothing.
  expect((await api.get<List<Location>>(`/locations?tenant=${tenant.id}`)).data).toHaveLength(0);

  await job.getByRole('button', { name: 'Import for real' }).click();
  await expect(job.getByRole('heading', { name: 'Import: locations' })).toBeVisible();
  await expect(job.getByRole('progressbar')).toHaveAttribute('max', '3');
  await expect(job.getByRole('status')).toContainText('Succeeded');
  await expect(job.getByRole('progressbar')).toHaveAttribute('value', '3');
  await expect(counts).toContainText('Created2');
  await expect(counts).toContainText('Failed1');
  const errorRow = job.getByRole('table', { name: 'Row errors' }).locator('tbody tr');
  await expect(errorRow).toHaveCount(1);
  await expect(errorRow.locator('td').first()).toHaveText('4');
  await expect(errorRow).toContainText('/coordinates/latitude');

  const locations = await api.get<List<Location>>(`/locations?tenant=${tenant.id}`);
  expect(locations.data.map((l) => l.name).sort()).toEqual([`Parkzicht ${suffix}`, `Stationsplein ${suffix}`]);

  const downloading = page.waitForEvent('download');
  await job.getByRole('link', { name: 'Download error report' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^import-[0-9a-f-]{36}-errors\.csv$/);
  const report = fs.readFileSync(await download.path(), 'utf8');
  expect(report).toContain(`IMP-${suffix}-3`);
  expect(report).toContain('north');
  expect(report).not.toContain(`IMP-${suffix}-1`);

  // Both jobs are in the list of recent imports, the real one with its error report.
  const recent = page.getByRole('table', { name: 'Recent imports' });
  await expect(recent.locator('tbody tr').first()).toContainText('Import');
  await expect(recent.locator('tbody tr').first()).toContainText('Succeeded');
  await audit(page, 'imports-result');

  // A viewer may import nothing: no navigation item, and the page is a 404.
  await page.context().clearCookies();
  await signIn(page, await makeUser('viewer', tenant));
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Imports' })).toHaveCount(0);
  expect((await page.goto('/imports'))?.status()).toBe(404);
  expect((await page.request.get('/imports/template?entity=locations')).status()).toBe(404);
});
