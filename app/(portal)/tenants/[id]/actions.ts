'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { formInput } from '@/lib/actions/form-input';
import { slugClashAtField, tenantBody } from '@/lib/portal/catalog-tenant-form';
import { tenantCreateSchema } from '@/lib/schemas/tenant';
import { deleteTenant, updateTenant } from '@/lib/services/tenants';

const target = z.object({ id: z.string().min(1), version: z.coerce.number().int().positive() });

export const updateTenantAction = defineAction({
  schema: z.intersection(target, formInput(tenantCreateSchema, tenantBody)),
  run: async ({ ctx, input: { id, version, ...body } }) => {
    await slugClashAtField(() => updateTenant({ ctx, id, body, expectedVersion: version }));
    revalidatePath(`/tenants/${id}`);
  },
  success: 'Tenant saved.',
});

export const deleteTenantAction = defineAction({
  schema: target,
  run: async ({ ctx, input }) => {
    await deleteTenant({ ctx, id: input.id, expectedVersion: input.version });
    redirect('/tenants');
  },
  success: 'Tenant deleted.',
});
