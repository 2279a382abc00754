'use server';

import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions/define-action';
import { tariffFormSchema } from '@/lib/portal/catalog-tariff-form';
import { createTariff } from '@/lib/services/tariffs';

export const createTariffAction = defineAction({
  schema: tariffFormSchema(true),
  run: async ({ ctx, input }) => {
    const tariff = await createTariff({ ctx, input });
    redirect(`/tariffs/${encodeURIComponent(tariff.id)}`);
  },
  success: 'Tariff created.',
});
