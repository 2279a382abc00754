'use server';

import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions/define-action';
import { formInput } from '@/lib/actions/form-input';
import { tenantCreateSchema } from '@/lib/schemas/tenant';
import { createTenant } from '@/lib/services/tenants';
import { slugClashAtField, tenantBody } from './tenant-form';

export const createTenantAction = defineAction({
  schema: formInput(tenantCreateSchema, tenantBody),
  run: async ({ ctx, input }) => {
    const tenant = await slugClashAtField(() => createTenant({ ctx, input }));
    redirect(`/tenants/${tenant.id}`);
  },
  success: (t) => t('Done.tenantCreated'),
});
