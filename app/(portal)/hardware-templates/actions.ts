'use server';

import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions/define-action';
import { formInput } from '@/lib/actions/form-input';
import { hardwareTemplateCreateSchema } from '@/lib/schemas/hardware-template';
import { createHardwareTemplate } from '@/lib/services/hardware-templates';
import { templateBody } from './template-form';

export const createTemplateAction = defineAction({
  schema: formInput(hardwareTemplateCreateSchema, templateBody),
  run: async ({ ctx, input }) => {
    const template = await createHardwareTemplate({ ctx, input });
    redirect(`/hardware-templates/${template.id}`);
  },
  success: (t) => t('Done.hardwareTemplateCreated'),
});
