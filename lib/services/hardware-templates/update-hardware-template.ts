import { requireCpoWide } from '@/lib/auth/context';
import { changedAt, writeTransaction } from '@/lib/services/shared/change-order';
import { eq, sql } from 'drizzle-orm';
import type { AuthContext } from '@/lib/auth/context';
import { hardwareTemplates } from '@/lib/db/schema';
import { hardwareTemplateReplaceSchema, type HardwareTemplate } from '@/lib/schemas/hardware-template';
import { parseOrThrow } from '@/lib/schemas/parse';
import { recordAudit } from '@/lib/services/shared/audit';
import { assertVersion } from '@/lib/services/shared/if-match';
import { applyMergePatch, stripReadOnly } from '@/lib/services/shared/merge-patch';
import { getHardwareTemplateOrThrow, hardwareTemplateColumns, toHardwareTemplate, writableHardwareTemplate } from './template-record';

/** Fields a PUT/PATCH may echo but never change (SPEC section 3). */
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
export async function updateHardwareTemplate({
  ctx,
  id,
  body,
  mode,
  expectedVersion,
}: UpdateHardwareTemplateArgs): Promise<HardwareTemplate> {
  return writeTransaction(async (tx) => {
    const current = toHardwareTemplate(await getHardwareTemplateOrThrow(tx, id, { forUpdate: true }));
    requireCpoWide(ctx, 'station:write');
    assertVersion('hardware template', current.version, expectedVersion);
    const changes = stripReadOnly(body, current, HARDWARE_TEMPLATE_READ_ONLY);
    const next = mode === 'merge' ? applyMergePatch(writableHardwareTemplate(current), changes) : changes;
    const input = parseOrThrow(hardwareTemplateReplaceSchema, next);

    const [row] = await tx
      .update(hardwareTemplates)
      .set({ ...hardwareTemplateColumns(input), version: sql`${hardwareTemplates.version} + 1`, updatedAt: changedAt })
      .where(eq(hardwareTemplates.id, id))
      .returning();
    const updated = toHardwareTemplate(row!);
    await recordAudit(tx, ctx, {
      action: 'hardware_template.updated',
      entity: 'hardware_template',
      entityId: id,
      tenantId: null,
      before: current,
      after: updated,
    });
    return updated;
  });
}
