'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { commissioningTestSchema } from '@/lib/portal/installer';
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

export const runCommissioningTest = defineAction({
  schema: commissioningTestSchema,
  run: async ({ ctx, input: { id, ...body } }) => {
    await startTestRun({ ctx: unfocused(ctx), id, input: body });
    revalidatePath('/installer');
  },
  success: (t) => t('Done.testStarted'),
});
