'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions/define-action';
import { formInput } from '@/lib/actions/form-input';
import { versionedRef, versionedTarget } from '@/lib/actions/versioned-target';
import { locationCreateSchema, locationPatchSchema } from '@/lib/schemas/location';
import { createLocation, deleteLocation, updateLocation } from '@/lib/services/locations';
import { locationBodyFromForm } from './location-form';

export const createLocationAction = defineAction({
  schema: formInput(locationCreateSchema, (form) => locationBodyFromForm(form, 'create')),
  run: async ({ ctx, input }) => {
    const created = await createLocation({ ctx, input });
    revalidatePath('/locations');
    redirect(`/locations/${created.id}`);
  },
  success: (t) => t('Done.locationCreated'),
});

export const updateLocationAction = defineAction({
  schema: versionedTarget(formInput(locationPatchSchema, (form) => locationBodyFromForm(form, 'patch'))),
  run: async ({ ctx, input: { id, version, ...body } }) => {
    await updateLocation({ ctx, id, body, mode: 'merge', expectedVersion: version });
    revalidatePath(`/locations/${id}`);
    revalidatePath('/locations');
    redirect(`/locations/${id}`);
  },
  success: (t) => t('Done.locationSaved'),
});

export const deleteLocationAction = defineAction({
  schema: versionedRef,
  run: async ({ ctx, input }) => {
    await deleteLocation({ ctx, id: input.id, expectedVersion: input.version });
    revalidatePath('/locations');
    redirect('/locations');
  },
  success: (t) => t('Done.locationDeleted'),
});
