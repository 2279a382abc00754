import { and, desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { auditEvents, connectors } from '@/lib/db/schema';
import type { ChargeStationCreateInput } from '@/lib/schemas/charge-station';
import { makeTariff, makeTenant, userContext } from '@/test/fixtures';
import { countStatements, writesTo } from '@/test/statements';
import { createChargeStation, getChargeStation, updateChargeStation } from './index';

const CHILDREN = ['evses', 'connectors', 'connector_tariffs', 'station_custom_groups', 'custom_groups'];

let n = 0;
let admin: AuthContext;
let a: string;
let b: string;

const connector = (id: string, tariff_ids: string[] = []) => ({
  id,
  standard: 'IEC_62196_T2' as const,
  format: 'SOCKET' as const,
  power_type: 'AC_3_PHASE' as const,
  max_voltage: 400,
  max_amperage: 32,
  tariff_ids,
});

const create = (extra: Partial<ChargeStationCreateInput> = {}) =>
  createChargeStation({
    ctx: admin,
    input: {
      ocpp_id: `DIFF-${Date.now().toString(36)}-${++n}`,
      charger_type: 'AC',
      custom_groups: ['North', 'South'],
      evses: [
        { evse_id: 'NL*GFX*E0001*1', connectors: [connector('1', [a]), connector('2', [a, b])] },
        { evse_id: 'NL*GFX*E0001*2', connectors: [connector('1', [b])] },
      ],
      ...extra,
    },
  });

beforeAll(async () => {
  const tenant = (await makeTenant('Diff')).id;
  admin = await userContext('customer_admin', [tenant]);
  a = await makeTariff('DIFF-A', [tenant]);
  b = await makeTariff('DIFF-B');
});

describe('station updates write only what changed', () => {
  it('a PUT echoing the station as GET shows it writes no EVSE, connector, tariff code or group', async () => {
    const station = await create();
    const { result, statements } = await countStatements(() =>
      updateChargeStation({ ctx: admin, id: station.id, mode: 'replace', body: station }),
    );
    expect(writesTo(statements, CHILDREN)).toEqual([]);
    expect(result).toEqual({ ...station, version: 2, updated_at: result.updated_at });
  });

  it('one connector’s tariff codes: only that connector’s codes are rewritten, and the audit names only them', async () => {
    const station = await create();
    const evses = structuredClone(station.evses);
    evses[0]!.connectors[1]!.tariff_ids = [b];
    const { result, statements } = await countStatements(() =>
      updateChargeStation({ ctx: admin, id: station.id, mode: 'merge', body: { evses } }),
    );
    expect(writesTo(statements, CHILDREN).map((s) => s.split(' ').slice(0, 3).join(' '))).toEqual([
      'delete from "connector_tariffs"',
      'insert into "connector_tariffs"',
    ]);
    expect(result.evses.map((e) => e.connectors.map((c) => c.tariff_ids))).toEqual([[[a], [b]], [[b]]]);
    const [event] = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, station.id), eq(auditEvents.action, 'charge_station.updated')))
      .orderBy(desc(auditEvents.at))
      .limit(1);
    expect(Object.keys(event!.changes)).toEqual(['evses']);
    expect(await getChargeStation({ ctx: admin, id: station.id })).toEqual(result);
  });

  it('reorders, adds and removes EVSEs and connectors; connectors that stay keep their reported status', async () => {
    const created = await create();
    await getDb().update(connectors).set({ reportedStatus: 'Charging' }).where(eq(connectors.evseUid, created.evses[1]!.uid));
    // Echoed as read: the report is a read-only field, sent back unchanged.
    const station = await getChargeStation({ ctx: admin, id: created.id });
    const [first, second] = station.evses;
    const updated = await updateChargeStation({
      ctx: admin,
      id: station.id,
      mode: 'merge',
      body: {
        evses: [
          { ...second, connectors: [...second!.connectors, connector('7', [a])] },
          { evse_id: 'NL*GFX*E0001*3', connectors: [connector('1')] },
          { ...first, connectors: [first!.connectors[1]] },
        ],
      },
    });
    expect(updated.evses.map((e) => [e.evse_id, e.connectors.map((c) => [c.id, c.tariff_ids])])).toEqual([
      [
        'NL*GFX*E0001*2',
        [
          ['1', [b]],
          ['7', [a]],
        ],
      ],
      ['NL*GFX*E0001*3', [['1', []]]],
      ['NL*GFX*E0001*1', [['2', [a, b]]]],
    ]);
    expect(updated.evses[0]!.uid).toBe(second!.uid);
    expect(await getChargeStation({ ctx: admin, id: station.id })).toEqual(updated);
    const rows = await getDb().select().from(connectors).where(eq(connectors.evseUid, second!.uid));
    expect(rows.map((r) => [r.id, r.reportedStatus]).sort()).toEqual([
      ['1', 'Charging'],
      ['7', null],
    ]);
  });

  it('groups: adding one inserts one link, removing one deletes one; the rest stay', async () => {
    const station = await create();
    const added = await countStatements(() =>
      updateChargeStation({ ctx: admin, id: station.id, mode: 'merge', body: { custom_groups: ['South', 'North', 'East'] } }),
    );
    expect(added.result.custom_groups).toEqual(['East', 'North', 'South']);
    expect(writesTo(added.statements, ['station_custom_groups']).map((s) => s.split(' (')[0])).toEqual([
      'insert into "station_custom_groups"',
    ]);
    const removed = await countStatements(() =>
      updateChargeStation({ ctx: admin, id: station.id, mode: 'merge', body: { custom_groups: ['East', 'South'] } }),
    );
    expect(removed.result.custom_groups).toEqual(['East', 'South']);
    expect(writesTo(removed.statements, CHILDREN).map((s) => s.split(' where')[0])).toEqual(['delete from "station_custom_groups"']);
  });
});
