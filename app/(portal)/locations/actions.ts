'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { formInput } from '@/lib/actions/form-input';
import { locationBodyFromForm } from '@/lib/portal/location-form';
import { locationCreateSchema, locationPatchSchema } from '@/lib/schemas/location';
import { createLocation, deleteLocation, updateLocation } from '@/lib/services/locations';

const target = { id: z.string().min(1), version: z.coerce.number().int().positive() };

export const createLocationAction = defineAction({
  schema: formInput(locationCreateSchema, (form) => locationBodyFromForm(form, 'create')),
  run: async ({ ctx, input }) => {
    const created = await createLocation({ ctx, input });
    revalidatePath('/locations');
    redirect(`/locations/${created.id}`);
  },
  success: 'Location created.',
});

// The API's patch schema plus the location's id and the version the form was loaded with.
const patchWithTarget = z.object({ ...locationPatchSchema.shape, ...target }).strict();

export const updateLocationAction = defineAction({
  schema: formInput(patchWithTarget, (form) => ({ ...locationBodyFromForm(form, 'patch'), id: form.id, version: form.version })),
  run: async ({ ctx, input: { id, version, ...body } }) => {
    await updateLocation({ ctx, id, body, mode: 'merge', expectedVersion: version });
    revalidatePath(`/locations/${id}`);
    revalidatePath('/locations');
    redirect(`/locations/${id}`);
  },
  success: 'Location saved.',
});

export const deleteLocationAction = defineAction({
  schema: z.object(target),
  run: async ({ ctx, input }) => {
    await deleteLocation({ ctx, id: input.id, expectedVersion: input.version });
    revalidatePath('/locations');
    redirect('/locations');
  },
  success: 'Location deleted.',
});
