import { and, count, eq, isNull } from 'drizzle-orm';
import { requirePermission, visibility, type AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { chargeStations } from '@/lib/db/schema';
import { visibleCondition } from '@/lib/services/shared/scope';
import type { EvseStatus } from '@/lib/domain/vocabulary';
import { getLocationOrThrow } from './location-record';

/** The caller's visible stations at a location, counted per status (most first); 404 for a location out of scope. */
export async function countLocationStations({
  ctx,
  id,
}: {
  ctx: AuthContext;
  id: string;
}): Promise<{ status: EvseStatus; count: number }[]> {
  const db = getDb();
  await getLocationOrThrow(db, ctx, id);
  requirePermission(ctx, 'station:read');
  const rows = await db
    .select({ status: chargeStations.status, count: count() })
    .from(chargeStations)
    .where(
      and(
        eq(chargeStations.locationId, id),
        isNull(chargeStations.deletedAt),
        visibleCondition(visibility(ctx, 'station:read'), chargeStations.tenantId),
      ),
    )
    .groupBy(chargeStations.status);
  return rows.sort((a, b) => b.count - a.count || a.status.localeCompare(b.status));
}
