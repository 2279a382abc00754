import { eq } from 'drizzle-orm';
import { requireCpoWide } from '@/lib/auth/context';
import type { AuthContext } from '@/lib/auth/context';
import { hardwareTemplates } from '@/lib/db/schema';
import { writeTransaction } from '@/lib/services/shared/change-order';
import { assertVersion } from '@/lib/services/shared/if-match';
import { recordDeletion, softDeleted } from '@/lib/services/shared/soft-delete';
import { getHardwareTemplateOrThrow } from './template-record';

/**
 * DELETE /api/v2/hardware-templates/{id}: soft delete. Stations made from it are unaffected: they
 * hold a copy of the blueprint.
 */
export async function deleteHardwareTemplate({ ctx, id, expectedVersion }: { ctx: AuthContext; id: string; expectedVersion?: number }) {
  await writeTransaction(async (tx) => {
    const current = await getHardwareTemplateOrThrow(tx, id, { forUpdate: true });
    requireCpoWide(ctx, 'station:write');
    assertVersion('hardware template', current.version, expectedVersion);
    // A delete is a change too: it bumps updated_at so incremental syncs see it.
    await tx.update(hardwareTemplates).set(softDeleted(hardwareTemplates.version)).where(eq(hardwareTemplates.id, id));
    await recordDeletion(tx, ctx, { entity: 'hardware_template', entityId: id, tenantId: null });
  });
}
