import { and, eq, gte, ilike, isNull, lt, or, type SQL } from 'drizzle-orm';
import { requirePermission, type AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { hardwareTemplates, type HardwareTemplateRow } from '@/lib/db/schema';
import type { HardwareTemplate, HardwareTemplateListQuery } from '@/lib/schemas/hardware-template';
import type { CursorBinding } from '@/lib/services/shared/cursor';
import { keyset, type SortKey } from '@/lib/services/shared/keyset';
import { containsPattern } from '@/lib/services/shared/search';
import { toHardwareTemplate } from './template-record';

const SORTS: Record<string, SortKey<HardwareTemplateRow>> = {
  name: { column: hardwareTemplates.name, value: (row) => row.name },
  updated_at: { column: hardwareTemplates.updatedAt, value: (row) => row.updatedAt.toISOString(), timestamp: true, changeOrder: true },
  created_at: { column: hardwareTemplates.createdAt, value: (row) => row.createdAt.toISOString(), timestamp: true },
};

/** GET /api/v2/hardware-templates: the CPO's template catalog, filtered, keyset-paginated. */
export async function listHardwareTemplates({ ctx, query }: { ctx: AuthContext; query: HardwareTemplateListQuery }) {
  requirePermission(ctx, 'station:read');
  const { limit, cursor, sort, ...filters } = query;
  const binding: CursorBinding = { ctx, endpoint: 'hardware-templates', filters: { ...filters, sort } };
  const { after, orderBy, page } = await keyset({ sorts: SORTS, sort, idColumn: hardwareTemplates.id, cursor, binding });

  const pattern = filters.q ? containsPattern(filters.q) : undefined;
  const conditions: (SQL | undefined)[] = [
    filters.include_deleted ? undefined : isNull(hardwareTemplates.deletedAt),
    filters.date_from ? gte(hardwareTemplates.updatedAt, filters.date_from) : undefined,
    filters.date_to ? lt(hardwareTemplates.updatedAt, filters.date_to) : undefined,
    filters.charger_type ? eq(hardwareTemplates.chargerType, filters.charger_type) : undefined,
    pattern
      ? or(ilike(hardwareTemplates.name, pattern), ilike(hardwareTemplates.vendor, pattern), ilike(hardwareTemplates.model, pattern))
      : undefined,
    after,
  ];
  const rows = await getDb()
    .select()
    .from(hardwareTemplates)
    .where(and(...conditions))
    .orderBy(...orderBy)
    .limit(limit + 1);
  const result = page(rows, limit, (row) => row);
  const data: HardwareTemplate[] = result.rows.map(toHardwareTemplate);
  return { data, next_cursor: result.next_cursor };
}
