import { describe, expect, it } from 'vitest';
import { importMediaType, importTemplateCsv } from './imports';

describe('importTemplateCsv', () => {
  it('writes the header and an example row, quoting cells that need it', () => {
    const csv = importTemplateCsv('charge_stations', ['ocpp_id', 'tenant_id', 'evses'], 'tenant-1');
    const [header, row] = csv.split('\r\n');
    expect(header).toBe('ocpp_id,tenant_id,evses');
    expect(row).toMatch(/^CS-EXAMPLE-01,tenant-1,"\[\{""connectors""/);
  });

  it('leaves unknown columns and the tenant empty', () => {
    expect(importTemplateCsv('locations', ['tenant_id', 'name', 'remarks'])).toBe('tenant_id,name,remarks\r\n,Parkzicht,\r\n');
  });
});

describe('importMediaType', () => {
  it('follows the file extension', () => {
    expect(importMediaType('sites.CSV')).toBe('text/csv');
    expect(importMediaType('stations.ndjson')).toBe('application/x-ndjson');
    expect(importMediaType('stations.jsonl')).toBe('application/x-ndjson');
    expect(importMediaType('sites.xlsx')).toBeNull();
  });
});
