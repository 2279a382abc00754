'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { tariffFormSchema } from '@/lib/portal/catalog-tariff-form';
import { deleteTariff, replaceTariff } from '@/lib/services/tariffs';

const target = z.object({ id: z.string().min(1), version: z.coerce.number().int().positive() });

export const replaceTariffAction = defineAction({
  schema: z.intersection(target, tariffFormSchema(false)),
  run: async ({ ctx, input: { id, version, ...body } }) => {
    await replaceTariff({ ctx, id, body, expectedVersion: version });
    revalidatePath(`/tariffs/${encodeURIComponent(id)}`);
  },
  success: 'Tariff saved.',
});

export const deleteTariffAction = defineAction({
  schema: target,
  run: async ({ ctx, input }) => {
    await deleteTariff({ ctx, id: input.id, expectedVersion: input.version });
    redirect('/tariffs');
  },
  success: 'Tariff deleted.',
});
