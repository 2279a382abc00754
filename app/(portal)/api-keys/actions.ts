'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions/define-action';
import { formInput, optionalText } from '@/lib/actions/form-input';
import { versionedRef } from '@/lib/actions/versioned-target';
import { apiKeyCreateSchema } from '@/lib/schemas/api-key';
import { createApiKey, revokeApiKey } from '@/lib/services/api-keys';

/** A date field as the end of that day (UTC), so "expires on 31 Dec" still works on 31 Dec. */
function endOfDay(value: unknown): string | undefined {
  const date = optionalText(value);
  if (date === undefined) return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T23:59:59Z` : date;
}

export const createKey = defineAction({
  schema: formInput(apiKeyCreateSchema, (form) => ({
    name: optionalText(form.name) ?? '',
    role: optionalText(form.role) ?? '',
    tenant_id: optionalText(form.tenant_id) ?? null,
    expires_at: endOfDay(form.expires_at),
  })),
  run: async ({ ctx, input }) => {
    const created = await createApiKey({ ctx, input });
    revalidatePath('/api-keys');
    return created;
  },
  success: (t) => t('Done.apiKeyCreated'),
  data: (created) => ({ key: created.key ?? '', prefix: created.prefix, name: created.name }),
});

export const revokeKey = defineAction({
  schema: versionedRef,
  run: async ({ ctx, input }) => {
    await revokeApiKey({ ctx, id: input.id, expectedVersion: input.version });
    revalidatePath('/api-keys');
  },
  success: (t) => t('Done.apiKeyRevoked'),
});
