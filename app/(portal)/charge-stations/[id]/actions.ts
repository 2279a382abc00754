'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { AVAILABILITIES } from '@/lib/domain/vocabulary';
import { setAvailability, setTariffs } from '@/lib/services/charge-stations';

const station = { id: z.string().min(1), version: z.coerce.number().int().positive() };

export const setStationAvailability = defineAction({
  schema: z.object({ ...station, availability: z.enum(AVAILABILITIES) }),
  run: async ({ ctx, input }) => {
    await setAvailability({ ctx, id: input.id, input: { availability: input.availability }, expectedVersion: input.version });
    revalidatePath(`/charge-stations/${input.id}`);
  },
  success: 'Availability saved; the station applies it when it is connected.',
});

export const setStationTariffs = defineAction({
  schema: z.object({ ...station, tariff_ids: z.array(z.string().min(1)).default([]) }),
  run: async ({ ctx, input }) => {
    await setTariffs({ ctx, id: input.id, input: { tariff_ids: input.tariff_ids }, expectedVersion: input.version });
    revalidatePath(`/charge-stations/${input.id}`);
  },
  success: 'Tariff codes saved for every connector.',
});
