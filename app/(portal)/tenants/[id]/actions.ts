'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions/define-action';
import { formInput } from '@/lib/actions/form-input';
import { versionedRef, versionedTarget } from '@/lib/actions/versioned-target';
import { tenantCreateSchema } from '@/lib/schemas/tenant';
import { deleteTenant, updateTenant } from '@/lib/services/tenants';
import { slugClashAtField, tenantBody } from '../tenant-form';

export const updateTenantAction = defineAction({
  schema: versionedTarget(formInput(tenantCreateSchema, tenantBody)),
  run: async ({ ctx, input: { id, version, ...body } }) => {
    await slugClashAtField(() => updateTenant({ ctx, id, body, expectedVersion: version }));
    revalidatePath(`/tenants/${id}`);
  },
  success: (t) => t('Done.tenantSaved'),
});

export const deleteTenantAction = defineAction({
  schema: versionedRef,
  run: async ({ ctx, input }) => {
    await deleteTenant({ ctx, id: input.id, expectedVersion: input.version });
    redirect('/tenants');
  },
  success: (t) => t('Done.tenantDeleted'),
});
