'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { formInput, optionalText } from '@/lib/actions/form-input';
import { testRunStartSchema } from '@/lib/schemas/charge-station';
import { unfocused } from '@/lib/auth/context';
import { linkChargeStation, startTestRun } from '@/lib/services/charge-stations';

// Like the page: the installer's whole scope (pool included), not the tenant switcher's view.
export const linkStationToLocation = defineAction({
  schema: z.object({ id: z.string().min(1), location_id: z.string().min(1) }),
  run: async ({ ctx, input }) => {
    const station = await linkChargeStation({ ctx: unfocused(ctx), id: input.id, locationId: input.location_id });
    revalidatePath('/installer');
    // A linked station leaves the "not yet linked" list: show it as found, where its test is run next.
    redirect(`/installer?${new URLSearchParams({ station: station.ocpp_id })}`);
  },
  success: (t) => t('Done.linked'),
});

/** The id tag a commissioning charge is started with: the product holds no tokens, so any tag is authorized. */
const COMMISSIONING_ID_TAG = 'COMMISSIONING';

export const runCommissioningTest = defineAction({
  schema: z.object({ id: z.string().min(1) }).and(
    formInput(testRunStartSchema, (f) => {
      const connector = optionalText(f.charge_connector);
      if (!connector) return {};
      const slash = connector.indexOf('/');
      return {
        remote_start: { evse_uid: connector.slice(0, slash), connector_id: connector.slice(slash + 1), id_tag: COMMISSIONING_ID_TAG },
      };
    }),
  ),
  run: async ({ ctx, input: { id, ...body } }) => {
    await startTestRun({ ctx: unfocused(ctx), id, input: body });
    revalidatePath('/installer');
  },
  success: (t) => t('Done.testStarted'),
});
