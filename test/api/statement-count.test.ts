import { beforeAll, describe, expect, it } from 'vitest';
import * as stationItem from '@/app/api/v2/charge-stations/[id]/route';
import * as stationCollection from '@/app/api/v2/charge-stations/route';
import * as locationItem from '@/app/api/v2/locations/[id]/route';
import { makeApiKey, makeLocation, makeTariff, makeTenant } from '@/test/fixtures';
import { countStatements, writesTo } from '@/test/statements';
import { call } from './request';

/**
 * What a one-field PATCH may cost in all, authentication, BEGIN/COMMIT and the change-order lock
 * included: a little above today's cost, so that adding a statement is a decision.
 */
const STATION_PATCH_BUDGET = 15;
const LOCATION_PATCH_BUDGET = 11;
const STATION_CHILDREN = ['evses', 'connectors', 'connector_tariffs', 'station_custom_groups', 'custom_groups'];
const LOCATION_CHILDREN = ['location_custom_groups', 'custom_groups'];

let key: string;
let locationId: string;
let tariff: string;

const connector = (id: string) => ({
  id,
  standard: 'IEC_62196_T2',
  format: 'SOCKET',
  power_type: 'AC_3_PHASE',
  max_voltage: 400,
  max_amperage: 32,
  tariff_ids: [tariff],
});

beforeAll(async () => {
  const tenant = await makeTenant('Statements');
  key = (await makeApiKey('customer_admin', tenant.id)).secret;
  locationId = (await makeLocation(tenant.id)).id;
  tariff = await makeTariff('STMT', [tenant.id]);
});

const patch = (handler: typeof stationItem.PATCH, id: string, body: unknown) =>
  call(handler, '', {
    key,
    method: 'PATCH',
    params: { id },
    rawBody: JSON.stringify(body),
    headers: { 'content-type': 'application/merge-patch+json' },
  });

describe('a PATCH of one field writes only that field', () => {
  it('station with 2 EVSEs: remarks only, within budget, no write to EVSEs, connectors, tariff codes or groups', async () => {
    const created = await call(stationCollection.POST, '/api/v2/charge-stations', {
      key,
      method: 'POST',
      body: {
        ocpp_id: `STMT-${Date.now().toString(36)}`,
        location_id: locationId,
        charger_type: 'AC',
        custom_groups: ['Phase 1', 'Garage'],
        evses: [
          { evse_id: 'NL*GFX*E0001*1', connectors: [connector('1'), connector('2')] },
          { evse_id: 'NL*GFX*E0001*2', connectors: [connector('1')] },
        ],
      },
    });
    expect(created.status).toBe(201);

    const { result, statements } = await countStatements(() => patch(stationItem.PATCH, created.body.id, { remarks: 'x' }));
    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      ...created.body,
      remarks: 'x',
      version: created.body.version + 1,
      updated_at: result.body.updated_at,
    });
    // The observer saw the request (an empty list would pass every budget).
    expect(writesTo(statements, ['charge_stations', 'audit_events'])).toHaveLength(2);
    expect(writesTo(statements, STATION_CHILDREN)).toEqual([]);
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(STATION_PATCH_BUDGET);
  });

  it('location: name only, within budget, no write to its groups', async () => {
    const location = await makeLocation((await call(locationItem.GET, '', { key, params: { id: locationId } })).body.tenant_id);
    const before = await call(locationItem.PATCH, '', {
      key,
      method: 'PATCH',
      params: { id: location.id },
      body: { custom_groups: ['North'] },
    });
    expect(before.status).toBe(200);

    const { result, statements } = await countStatements(() => patch(locationItem.PATCH, location.id, { name: 'Renamed' }));
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ name: 'Renamed', custom_groups: ['North'], version: before.body.version + 1 });
    expect(writesTo(statements, ['locations', 'audit_events'])).toHaveLength(2);
    expect(writesTo(statements, LOCATION_CHILDREN)).toEqual([]);
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(LOCATION_PATCH_BUDGET);
  });
});
