import { requirePermission, type AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import type { HardwareTemplate } from '@/lib/schemas/hardware-template';
import { getHardwareTemplateOrThrow, toHardwareTemplate } from './template-record';

/** GET /api/v2/hardware-templates/{id}: 404 when missing or deleted. */
export async function getHardwareTemplate({ ctx, id }: { ctx: AuthContext; id: string }): Promise<HardwareTemplate> {
  const row = await getHardwareTemplateOrThrow(getDb(), id);
  requirePermission(ctx, 'station:read');
  return toHardwareTemplate(row);
}
