import { visibility, type AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import type { Tariff } from '@/lib/schemas/tariff';
import { getTariffOrThrow, toTariff } from './tariff-record';

/** GET /api/v2/tariffs/{id}: 404 when missing, deleted or not offered to the caller's tenants. */
export async function getTariff({ ctx, id }: { ctx: AuthContext; id: string }): Promise<Tariff> {
  return toTariff(await getTariffOrThrow(getDb(), ctx, id), visibility(ctx, 'tariff:read'));
}
