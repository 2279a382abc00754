import { requireCpoWide } from '@/lib/auth/context';
import type { AuthContext } from '@/lib/auth/context';
import { hardwareTemplates } from '@/lib/db/schema';
import type { HardwareTemplate, HardwareTemplateCreateInput } from '@/lib/schemas/hardware-template';
import { recordAudit } from '@/lib/services/shared/audit';
import { hardwareTemplateColumns, toHardwareTemplate } from './template-record';
import { writeTransaction } from '@/lib/services/shared/change-order';

/** POST /api/v2/hardware-templates. */
export async function createHardwareTemplate({
  ctx,
  input,
}: {
  ctx: AuthContext;
  input: HardwareTemplateCreateInput;
}): Promise<HardwareTemplate> {
  requireCpoWide(ctx, 'station:write');
  return writeTransaction(async (tx) => {
    const [row] = await tx.insert(hardwareTemplates).values(hardwareTemplateColumns(input)).returning();
    const created = toHardwareTemplate(row!);
    await recordAudit(tx, ctx, {
      action: 'hardware_template.created',
      entity: 'hardware_template',
      entityId: created.id,
      tenantId: null,
      after: created,
    });
    return created;
  });
}
