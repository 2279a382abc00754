import { parse } from 'csv-parse/sync';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import * as stationExport from '@/app/api/v2/charge-stations/export/route';
import * as stations from '@/app/api/v2/charge-stations/route';
import * as locationExport from '@/app/api/v2/locations/export/route';
import * as locations from '@/app/api/v2/locations/route';
import { csvCell } from '@/lib/http/export';
import { call } from '@/test/api/request';
import { makeApiKey, makeTenant } from '@/test/fixtures';

// Hostile text written through the API comes back out of the exports as data: CSV cells that a
// spreadsheet would run as a formula carry a leading `'`, NDJSON is verbatim, quoting holds.
const FORMULA = '=HYPERLINK("http://x","y")';
const REMARKS = ['+1', '-2', '@SUM(1)', '\tx', '\rx', '=1+1'];
const MARKUP = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "' or 1=1--", 'a,b\n"c"'];

let key: string;
let group: string;

beforeAll(async () => {
  const tenant = await makeTenant('Hostile export');
  key = (await makeApiKey('customer_admin', tenant.id)).secret;
  group = `Hostile ${Date.now().toString(36)}`;
  const place = { city: 'Utrecht', country: 'NLD', coordinates: { latitude: -0.12, longitude: -51.5 }, custom_groups: [group] };
  for (const [i, remarks] of [...REMARKS, ...MARKUP].entries()) {
    const body = { ...place, name: i === 0 ? FORMULA : `${MARKUP[i % MARKUP.length]} ${i}`, address: `-${i} street`, remarks };
    const created = await call(locations.POST, '/api/v2/locations', { key, method: 'POST', body });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
  }
  const station = {
    ocpp_id: `=cmd|'/C.calc'!A0-${group.slice(8)}`,
    name: FORMULA,
    charger_type: 'AC',
    max_power_kw: 22,
    custom_groups: [group],
  };
  expect((await call(stations.POST, '/api/v2/charge-stations', { key, method: 'POST', body: station })).status).toBe(201);
});

async function exported(handler: typeof locationExport.GET, path: string, format: 'csv' | 'ndjson') {
  const url = `${path}?format=${format}&custom_group=${encodeURIComponent(group)}&sort=created_at`;
  const response = await handler(new NextRequest(new URL(url, 'http://localhost'), { headers: { authorization: `Bearer ${key}` } }), {
    params: Promise.resolve({}),
  });
  expect(response.status).toBe(200);
  return response.text();
}

const csvRecords = (text: string) => parse(text, { columns: true, cast: false }) as Record<string, string>[];

describe('CSV neutralises formulas in text cells, NDJSON stays verbatim', () => {
  it('csvCell prefixes text starting with = + - @ tab or CR, and leaves numbers, booleans and JSON alone', () => {
    for (const text of [FORMULA, ...REMARKS]) expect(csvCell(text)).toBe(`'${text}`);
    for (const text of ['plain', ' =spaced', "'quoted", '1-2', '']) expect(csvCell(text)).toBe(text);
    expect(csvCell(-0.12)).toBe(-0.12);
    expect(csvCell(-5)).toBe(-5);
    expect(csvCell(false)).toBe(false);
    expect(csvCell(null)).toBe('');
    expect(csvCell({ contractor: '=1' })).toBe('{"contractor":"=1"}');
    expect(csvCell(['-x'])).toBe('["-x"]');
  });

  it('locations: every hostile cell exported as data, quoting intact', async () => {
    const rows = csvRecords(await exported(locationExport.GET, '/api/v2/locations/export', 'csv'));
    expect(rows).toHaveLength(REMARKS.length + MARKUP.length);
    expect(rows[0]!.name).toBe(`'${FORMULA}`);
    expect(rows.map((r) => r.remarks)).toEqual([...REMARKS.map((r) => `'${r}`), ...MARKUP]);
    expect(rows.map((r) => r.address)).toEqual(rows.map((_, i) => `'-${i} street`));
    for (const [i, row] of rows.entries()) {
      if (i > 0) expect(row.name).toBe(`${MARKUP[i % MARKUP.length]} ${i}`);
      expect(JSON.parse(row.coordinates!)).toEqual({ latitude: -0.12, longitude: -51.5 });
      expect(row.version).toBe('1');
    }

    const lines = (await exported(locationExport.GET, '/api/v2/locations/export', 'ndjson')).trim().split('\n');
    const objects = lines.map((line) => JSON.parse(line) as { name: string; remarks: string });
    expect(objects[0]!.name).toBe(FORMULA);
    expect(objects.map((o) => o.remarks)).toEqual([...REMARKS, ...MARKUP]);
  });

  it('charge stations: formula-like ocpp_id and name prefixed, numbers unquoted', async () => {
    const text = await exported(stationExport.GET, '/api/v2/charge-stations/export', 'csv');
    const [row] = csvRecords(text);
    expect(row!.name).toBe(`'${FORMULA}`);
    expect(row!.ocpp_id!.startsWith("'=cmd|")).toBe(true);
    // A number is written bare (no quotes, no prefix), so a spreadsheet still sees a number.
    expect(text.split('\n')[1]).toMatch(/,22,/);
    const [station] = (await exported(stationExport.GET, '/api/v2/charge-stations/export', 'ndjson'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { name: string; max_power_kw: number });
    expect(station).toMatchObject({ name: FORMULA, max_power_kw: 22 });
  });
});
