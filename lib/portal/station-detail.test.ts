import { beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '@/lib/auth/context';
import { createChargeStation, setAvailability } from '@/lib/services/charge-stations';
import { makeLocation, makeTariff, makeTenant, userContext } from '@/test/fixtures';
import { loadStationHistory, loadStationLocationName, loadTariffChoices, stationPermissions } from './station-detail';

let own: string;
let other: string;

beforeAll(async () => {
  own = (await makeTenant('Detail own')).id;
  other = (await makeTenant('Detail other')).id;
});

describe('station detail', () => {
  it('gives an operator edit, tariff and availability controls with the tenant’s tariffs, no link, and the audit trail newest first', async () => {
    const location = await makeLocation(own, { name: 'Aaa garage' });
    const offered = await makeTariff('AC-DETAIL', [own]);
    const notOffered = await makeTariff('AC-ELSEWHERE', [other]);
    const operator = await userContext('customer_operator', [own]);
    const station = await createChargeStation({
      ctx: systemContext(),
      input: {
        ocpp_id: `DETAIL-${Date.now().toString(36)}`,
        location_id: location.id,
        charger_type: 'AC',
        evses: [
          {
            connectors: [
              { id: '1', standard: 'IEC_62196_T2', format: 'SOCKET', power_type: 'AC_3_PHASE', max_voltage: 400, max_amperage: 32 },
            ],
          },
        ],
      },
    });
    const changed = await setAvailability({ ctx: operator, id: station.id, input: { availability: 'INOPERATIVE' } });

    const may = stationPermissions(operator, changed);
    expect(may).toEqual({ write: true, availability: true, tariff: true, link: false, maintenance: true, audit: true, test: false });
    const choices = (await loadTariffChoices(operator, changed, may)).map((t) => t.id);
    expect(choices).toContain(offered);
    expect(choices).not.toContain(notOffered);
    const history = await loadStationHistory(operator, changed, may);
    expect(history.map((e) => e.action)).toEqual(['charge_station.availability_set', 'charge_station.created']);
    expect(await loadStationLocationName(operator, changed)).toBe('Aaa garage');

    const admin = await userContext('customer_admin', [own]);
    expect(stationPermissions(admin, changed).link).toBe(true);

    const viewer = await userContext('viewer', [own]);
    const asViewer = stationPermissions(viewer, changed);
    expect(asViewer).toEqual({
      write: false,
      availability: false,
      tariff: false,
      link: false,
      maintenance: false,
      audit: true,
      test: false,
    });
    expect(await loadTariffChoices(viewer, changed, asViewer)).toEqual([]);

    const installer = await userContext('installer', [own]);
    expect(stationPermissions(installer, changed).test).toBe(true);
  });
});
