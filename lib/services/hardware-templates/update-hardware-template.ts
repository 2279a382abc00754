import { requireCpoWide, type AuthContext } from '@/lib/auth/context';
import type { Tx } from '@/lib/db/client';
import { hardwareTemplates } from '@/lib/db/schema';
import { hardwareTemplateReplaceSchema, type HardwareTemplate } from '@/lib/schemas/hardware-template';
import { versionedUpdate } from '@/lib/services/shared/versioned-update';
import { getHardwareTemplateOrThrow, hardwareTemplateColumns, toHardwareTemplate, writableHardwareTemplate } from './template-record';

/** Fields a PUT/PATCH may echo but never change: the server keeps them. */
export const HARDWARE_TEMPLATE_READ_ONLY = ['id', 'version', 'created_at', 'updated_at'] as const;

type UpdateHardwareTemplateArgs = {
  ctx: AuthContext;
  id: string;
  /** The parsed JSON object of the request. */
  body: Record<string, unknown>;
  /** `replace` for PUT (left-out optional fields are cleared), `merge` for PATCH (RFC 7396). */
  mode: 'replace' | 'merge';
  /** From If-Match; a different current version answers 412 and changes nothing. */
  expectedVersion?: number;
};

/**
 * PUT / PATCH /api/v2/hardware-templates/{id}. Stations made from the template keep their copy;
 * nothing here touches them.
 */
export function updateHardwareTemplate({ ctx, id, body, mode, expectedVersion }: UpdateHardwareTemplateArgs): Promise<HardwareTemplate> {
  return versionedUpdate({
    ctx,
    id,
    body,
    mode,
    expectedVersion,
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
