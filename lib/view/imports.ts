import type { ImportEntity, ImportStatus } from '@/lib/domain/vocabulary';

/** Whether the job is still moving (the page polls it). */
export const importRunning = (status: ImportStatus) => status === 'QUEUED' || status === 'RUNNING';

/** One filled-in row per entity, so the template shows how cells are written (lists `;`-separated, nested objects as JSON). */
const EXAMPLES: Record<ImportEntity, Record<string, string>> = {
  locations: {
    external_id: 'SITE-0001',
    name: 'Parkzicht',
    address: 'Parklaan 12',
    city: 'Utrecht',
    postal_code: '3581 AB',
    country: 'NLD',
    latitude: '52.0907',
    longitude: '5.1214',
    time_zone: 'Europe/Amsterdam',
    parking_type: 'PARKING_LOT',
    facilities: 'CAFE;WIFI',
    publish: 'true',
  },
  charge_stations: {
    ocpp_id: 'CS-EXAMPLE-01',
    name: 'Parkzicht 1',
    vendor: 'Alfen',
    model: 'Eve Double',
    charger_type: 'AC',
    evses: JSON.stringify([
      {
        connectors: [{ id: '1', standard: 'IEC_62196_T2', format: 'SOCKET', power_type: 'AC_3_PHASE', max_voltage: 400, max_amperage: 32 }],
      },
    ]),
  },
};

/** A CSV cell: quoted when it holds a separator, a quote or a line break. */
function cell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The import template of an entity: the header the import reads (`columns`, in the API's field
 * order) and one example row. `tenantId` fills the example's tenant_id when the caller writes in
 * one tenant (or chose one in the switcher); otherwise it stays empty for the user to fill in.
 */
export function importTemplateCsv(entity: ImportEntity, columns: readonly string[], tenantId?: string): string {
  const example: Record<string, string> = { ...EXAMPLES[entity], ...(tenantId ? { tenant_id: tenantId } : {}) };
  const lines = [columns.map(cell).join(','), columns.map((name) => cell(example[name] ?? '')).join(',')];
  return `${lines.join('\r\n')}\r\n`;
}

/** The file name the browser saves a template as. */
export const importTemplateName = (entity: ImportEntity) => `${entity.replace('_', '-')}-import-template.csv`;

/** The media type an import file is sent as, from its name; null when the extension is not one the import reads. */
export function importMediaType(fileName: string): 'text/csv' | 'application/x-ndjson' | null {
  const extension = fileName.toLowerCase().split('.').pop();
  if (extension === 'csv') return 'text/csv';
  if (extension === 'ndjson' || extension === 'jsonl') return 'application/x-ndjson';
  return null;
}
