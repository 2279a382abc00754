import { eq, ilike, or } from 'drizzle-orm';
import type { AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { hardwareTemplates, type HardwareTemplateRow } from '@/lib/db/schema';
import type { HardwareTemplate, HardwareTemplateListQuery } from '@/lib/schemas/hardware-template';
import type { SortKey } from '@/lib/services/shared/keyset';
import { listPage } from '@/lib/services/shared/list-query';
import { containsPattern } from '@/lib/services/shared/search';
import { toHardwareTemplate } from './template-record';

const SORTS: Record<string, SortKey<HardwareTemplateRow>> = {
  name: { column: hardwareTemplates.name, value: (row) => row.name },
  updated_at: { column: hardwareTemplates.updatedAt, value: (row) => row.updatedAt.toISOString(), timestamp: true, changeOrder: true },
  created_at: { column: hardwareTemplates.createdAt, value: (row) => row.createdAt.toISOString(), timestamp: true },
};

/** GET /api/v2/hardware-templates: the CPO's template catalog (no tenant scope), filtered, keyset-paginated. */
export async function listHardwareTemplates({ ctx, query }: { ctx: AuthContext; query: HardwareTemplateListQuery }) {
  const pattern = query.q ? containsPattern(query.q) : undefined;
  const { records, next_cursor } = await listPage({
    ctx,
    permission: 'station:read',
    endpoint: 'hardware-templates',
    query,
    scope: undefined,
    sorts: SORTS,
    idColumn: hardwareTemplates.id,
    changedColumn: hardwareTemplates.updatedAt,
    deletedColumn: hardwareTemplates.deletedAt,
    filters: [
      query.charger_type ? eq(hardwareTemplates.chargerType, query.charger_type) : undefined,
      pattern
        ? or(ilike(hardwareTemplates.name, pattern), ilike(hardwareTemplates.vendor, pattern), ilike(hardwareTemplates.model, pattern))
        : undefined,
    ],
    fetch: ({ where, orderBy, limit }) =>
      getDb()
        .select()
        .from(hardwareTemplates)
        .where(where)
        .orderBy(...orderBy)
        .limit(limit),
    rowOf: (row) => row,
  });
  const data: HardwareTemplate[] = records.map(toHardwareTemplate);
  return { data, next_cursor };
}
