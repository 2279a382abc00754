'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions/define-action';
import { formInput } from '@/lib/actions/form-input';
import { webhookCreateSchema } from '@/lib/schemas/webhook';
import { createWebhook } from '@/lib/services/webhooks';
import { webhookBody, webhookTenant } from './webhook-form';

export const createWebhookAction = defineAction({
  schema: formInput(webhookCreateSchema, (form) => ({ ...webhookBody(form), tenant_id: webhookTenant(form) })),
  run: async ({ ctx, input }) => {
    const created = await createWebhook({ ctx, input });
    revalidatePath('/webhooks');
    return created;
  },
  success: (t) => t('Done.webhookCreated'),
  data: (created) => ({ id: created.id, url: created.url, secret: created.secret ?? '' }),
});
