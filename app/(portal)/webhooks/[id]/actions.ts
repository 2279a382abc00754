'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions/define-action';
import { formInput } from '@/lib/actions/form-input';
import { versionedRef, versionedTarget } from '@/lib/actions/versioned-target';
import { deliveryParams, webhookWritableSchema } from '@/lib/schemas/webhook';
import { deleteWebhook, retryWebhookDelivery, sendTestWebhook, updateWebhook } from '@/lib/services/webhooks';
import { webhookBody } from '../webhook-form';

export const updateWebhookAction = defineAction({
  schema: versionedTarget(formInput(webhookWritableSchema.omit({ enabled: true }), webhookBody)),
  run: async ({ ctx, input: { id, version, ...body } }) => {
    await updateWebhook({ ctx, id, body, expectedVersion: version });
    revalidatePath(`/webhooks/${id}`);
  },
  success: (t) => t('Done.webhookSaved'),
});

export const setWebhookEnabledAction = defineAction({
  schema: versionedTarget(formInput(webhookWritableSchema.pick({ enabled: true }), (form) => ({ enabled: form.enabled === 'true' }))),
  run: async ({ ctx, input: { id, version, enabled } }) => {
    await updateWebhook({ ctx, id, body: { enabled }, expectedVersion: version });
    revalidatePath(`/webhooks/${id}`);
    return enabled;
  },
  success: (t) => t('Done.saved'),
});

export const deleteWebhookAction = defineAction({
  schema: versionedRef,
  run: async ({ ctx, input }) => {
    await deleteWebhook({ ctx, id: input.id, expectedVersion: input.version });
    revalidatePath('/webhooks');
    redirect('/webhooks');
  },
  success: (t) => t('Done.webhookDeleted'),
});

export const sendTestWebhookAction = defineAction({
  schema: versionedRef.pick({ id: true }),
  run: async ({ ctx, input }) => {
    await sendTestWebhook({ ctx, id: input.id });
    revalidatePath(`/webhooks/${input.id}`);
  },
  success: (t) => t('Done.testEventQueued'),
});

export const retryDeliveryAction = defineAction({
  schema: deliveryParams,
  run: async ({ ctx, input }) => {
    await retryWebhookDelivery({ ctx, id: input.id, deliveryId: input.delivery_id });
    revalidatePath(`/webhooks/${input.id}`);
  },
  success: (t) => t('Done.sendingAgain'),
});
