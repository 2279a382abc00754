import { and, eq } from 'drizzle-orm';
import { connectorTariffs } from '@/lib/db/schema';
import { AppError, type FieldError } from '@/lib/errors';
import type { ChargeStation, SetTariffsInput } from '@/lib/schemas/charge-station';
import { runStationCommand, type StationVerbArgs } from './station-command';
import { assertTariffsOffered } from './station-writes';

/**
 * PUT /api/v2/charge-stations/{id}/tariffs: sets the tariff codes of every connector, or of the
 * named EVSEs or connectors. Each tariff must be offered to the station's tenant (422).
 */
export function setTariffs({ ctx, id, input, expectedVersion }: StationVerbArgs<SetTariffsInput>): Promise<ChargeStation> {
  return runStationCommand({
    ctx,
    id,
    expectedVersion,
    permission: 'station:tariff',
    action: 'charge_station.tariffs_set',
    apply: async (tx, row, before) => {
      const all = before.evses.flatMap((e) => e.connectors.map((c) => ({ evseUid: e.uid, connectorId: c.id })));
      const errors: FieldError[] = [];
      let targets = all;
      if (input.evse_uids) {
        input.evse_uids.forEach((uid, i) => {
          if (!before.evses.some((e) => e.uid === uid))
            errors.push({ path: `/evse_uids/${i}`, message: 'no EVSE with this uid on this station' });
        });
        targets = all.filter((t) => input.evse_uids!.includes(t.evseUid));
      } else if (input.connectors) {
        input.connectors.forEach((c, i) => {
          if (!all.some((t) => t.evseUid === c.evse_uid && t.connectorId === c.connector_id)) {
            errors.push({ path: `/connectors/${i}`, message: 'no such connector on this station' });
          }
        });
        const named = new Map(
          input.connectors.map((c) => [`${c.evse_uid}/${c.connector_id}`, { evseUid: c.evse_uid, connectorId: c.connector_id }]),
        );
        targets = [...named.values()];
      }
      if (errors.length) throw new AppError('validation', 'The request body is invalid.', { errors });
      await assertTariffsOffered(
        tx,
        row.tenantId,
        input.tariff_ids.map((tariffId, i) => ({ id: tariffId, path: `/tariff_ids/${i}` })),
      );

      for (const target of targets) {
        await tx
          .delete(connectorTariffs)
          .where(and(eq(connectorTariffs.evseUid, target.evseUid), eq(connectorTariffs.connectorId, target.connectorId)));
      }
      const codes = [...new Set(input.tariff_ids)];
      const rows = targets.flatMap((t) => codes.map((tariffId, position) => ({ ...t, tariffId, position })));
      if (rows.length) await tx.insert(connectorTariffs).values(rows);
    },
  });
}
