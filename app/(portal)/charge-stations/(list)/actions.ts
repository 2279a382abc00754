'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { bulkIdsSchema, bulkStationSchema } from '@/lib/schemas/charge-station';
import { bulkUpdateChargeStations } from '@/lib/services/charge-stations';

/**
 * One operation on the selected stations; every row is applied and reported on its own
 * (`data`: station id → JSON `{ok, message}`), so one refused row never hides the others.
 */
export const bulkUpdateStations = defineAction({
  schema: z.object({ ids: bulkIdsSchema }).and(bulkStationSchema),
  run: async ({ ctx, input }) => {
    const { ids, ...operation } = input;
    const results = await bulkUpdateChargeStations({ ctx, items: ids.map((id) => ({ id })), operation });
    revalidatePath('/charge-stations');
    return results;
  },
  success: (t) => t('Done.bulkActionFinished'),
  data: (results) => Object.fromEntries(results.map((r) => [r.id, JSON.stringify({ ok: r.ok, message: r.message })])),
});
