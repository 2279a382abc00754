import { requireCpoWide } from '@/lib/auth/context';
import type { Tx } from '@/lib/db/client';
import { hardwareTemplates } from '@/lib/db/schema';
import { hardwareTemplateReplaceSchema, type HardwareTemplate } from '@/lib/schemas/hardware-template';
import { versionedUpdate, type UpdateVerbArgs } from '@/lib/services/shared/versioned-update';
import { getHardwareTemplateOrThrow, hardwareTemplateColumns, toHardwareTemplate, writableHardwareTemplate } from './template-record';

/** Fields a PUT/PATCH may echo but never change: the server keeps them. */
export const HARDWARE_TEMPLATE_READ_ONLY = ['id', 'version', 'created_at', 'updated_at'] as const;

/**
 * PUT / PATCH /api/v2/hardware-templates/{id}. Stations made from the template keep their copy;
 * nothing here touches them.
 */
export function updateHardwareTemplate(args: UpdateVerbArgs): Promise<HardwareTemplate> {
  const { ctx, id } = args;
  return versionedUpdate({
    ...args,
    noun: 'hardware template',
    lock: async (tx: Tx) => ({ current: toHardwareTemplate(await getHardwareTemplateOrThrow(tx, id, { forUpdate: true })) }),
    authorize: () => requireCpoWide(ctx, 'station:write'),
    readOnly: HARDWARE_TEMPLATE_READ_ONLY,
    writable: writableHardwareTemplate,
    schema: hardwareTemplateReplaceSchema,
    table: hardwareTemplates,
    columns: ({ input }) => hardwareTemplateColumns(input),
    finish: async (_, row) => toHardwareTemplate(row),
    audit: { action: 'hardware_template.updated', entity: 'hardware_template', tenantId: () => null },
  });
}
