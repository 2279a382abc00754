'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { formInput } from '@/lib/actions/form-input';
import { templateBody } from '@/lib/portal/catalog-template-form';
import { hardwareTemplateReplaceSchema } from '@/lib/schemas/hardware-template';
import { deleteHardwareTemplate, updateHardwareTemplate } from '@/lib/services/hardware-templates';

const target = z.object({ id: z.string().min(1), version: z.coerce.number().int().positive() });

export const replaceTemplateAction = defineAction({
  schema: z.intersection(target, formInput(hardwareTemplateReplaceSchema, templateBody)),
  run: async ({ ctx, input: { id, version, ...body } }) => {
    await updateHardwareTemplate({ ctx, id, body, mode: 'replace', expectedVersion: version });
    revalidatePath(`/hardware-templates/${id}`);
  },
  success: 'Hardware template saved. Stations made from it keep their own copy.',
});

export const deleteTemplateAction = defineAction({
  schema: target,
  run: async ({ ctx, input }) => {
    await deleteHardwareTemplate({ ctx, id: input.id, expectedVersion: input.version });
    redirect('/hardware-templates');
  },
  success: 'Hardware template deleted.',
});
