'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions/define-action';
import { versionedRef, versionedTarget } from '@/lib/actions/versioned-target';
import { deleteTariff, replaceTariff } from '@/lib/services/tariffs';
import { tariffFormSchema } from '../tariff-form';

export const replaceTariffAction = defineAction({
  schema: versionedTarget(tariffFormSchema(false)),
  run: async ({ ctx, input: { id, version, ...body } }) => {
    await replaceTariff({ ctx, id, body, expectedVersion: version });
    revalidatePath(`/tariffs/${encodeURIComponent(id)}`);
  },
  success: (t) => t('Done.tariffSaved'),
});

export const deleteTariffAction = defineAction({
  schema: versionedRef,
  run: async ({ ctx, input }) => {
    await deleteTariff({ ctx, id: input.id, expectedVersion: input.version });
    redirect('/tariffs');
  },
  success: (t) => t('Done.tariffDeleted'),
});
