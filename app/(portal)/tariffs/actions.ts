'use server';

import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions/define-action';
import { createTariff } from '@/lib/services/tariffs';
import { tariffFormSchema } from './tariff-form';

export const createTariffAction = defineAction({
  schema: tariffFormSchema(true),
  run: async ({ ctx, input }) => {
    const tariff = await createTariff({ ctx, input });
    redirect(`/tariffs/${encodeURIComponent(tariff.id)}`);
  },
  success: (t) => t('Done.tariffCreated'),
});
