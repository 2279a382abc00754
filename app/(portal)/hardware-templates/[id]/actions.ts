'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions/define-action';
import { formInput } from '@/lib/actions/form-input';
import { versionedRef, versionedTarget } from '@/lib/actions/versioned-target';
import { hardwareTemplateReplaceSchema } from '@/lib/schemas/hardware-template';
import { deleteHardwareTemplate, updateHardwareTemplate } from '@/lib/services/hardware-templates';
import { templateBody } from '../template-form';

export const replaceTemplateAction = defineAction({
  schema: versionedTarget(formInput(hardwareTemplateReplaceSchema, templateBody)),
  run: async ({ ctx, input: { id, version, ...body } }) => {
    await updateHardwareTemplate({ ctx, id, body, mode: 'replace', expectedVersion: version });
    revalidatePath(`/hardware-templates/${id}`);
  },
  success: (t) => t('Done.hardwareTemplateSaved'),
});

export const deleteTemplateAction = defineAction({
  schema: versionedRef,
  run: async ({ ctx, input }) => {
    await deleteHardwareTemplate({ ctx, id: input.id, expectedVersion: input.version });
    redirect('/hardware-templates');
  },
  success: (t) => t('Done.hardwareTemplateDeleted'),
});
