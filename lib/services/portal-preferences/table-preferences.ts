import { and, eq, isNull } from 'drizzle-orm';
import type { AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { users } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/schemas/parse';
import { tableNameSchema, tablePreferencesSchema, tableViewSchema, type TableView } from '@/lib/schemas/table-preferences';
import { recordAudit } from '@/lib/services/shared/audit';
import { writeTransaction } from '@/lib/services/shared/change-order';

/** Only a signed-in user has table settings, and only their own. */
function ownUserId(ctx: AuthContext, userId: string): string {
  if (ctx.actor.kind !== 'user' || ctx.actor.id !== userId) {
    throw new AppError('forbidden', 'Table preferences can only be changed by the user they belong to.');
  }
  return userId;
}

/** Stored settings that no longer parse (a column renamed since) count as none rather than breaking the page. */
function storedView(stored: unknown, table: string): TableView {
  const parsed = tablePreferencesSchema.safeParse(stored);
  return (parsed.success ? parsed.data[table] : undefined) ?? {};
}

/** The signed-in user's saved view of one portal table; empty for other callers (API keys, the system). */
export async function getTablePreferences({ ctx, table }: { ctx: AuthContext; table: string }): Promise<TableView> {
  if (ctx.actor.kind !== 'user') return {};
  const [row] = await getDb()
    .select({ prefs: users.tablePreferences })
    .from(users)
    .where(and(eq(users.id, ctx.actor.id), isNull(users.deletedAt)));
  return storedView(row?.prefs, table);
}

/**
 * Saves the fields given of one table's view on the user's own row (the other fields and tables
 * stay). A view setting, not user data: it leaves the user's version alone, so an open edit form
 * of that user never conflicts with it; the audit log still records the change.
 */
export async function updateTablePreferences({
  ctx,
  userId,
  table,
  view,
}: {
  ctx: AuthContext;
  userId: string;
  table: string;
  view: unknown;
}): Promise<TableView> {
  const id = ownUserId(ctx, userId);
  const name = parseOrThrow(tableNameSchema, table, 'validation', '/table');
  const changes = parseOrThrow(tableViewSchema, view, 'validation', '/view');
  return writeTransaction(async (tx) => {
    const [row] = await tx
      .select({ prefs: users.tablePreferences })
      .from(users)
      .where(and(eq(users.id, id), isNull(users.deletedAt)))
      .for('update');
    if (!row) throw new AppError('not_found', 'user not found');
    const all = tablePreferencesSchema.safeParse(row.prefs);
    const before = storedView(row.prefs, name);
    const after = { ...before, ...changes };
    await tx
      .update(users)
      .set({ tablePreferences: { ...(all.success ? all.data : {}), [name]: after } })
      .where(eq(users.id, id));
    await recordAudit(tx, ctx, {
      action: 'user.table_preferences_updated',
      entity: 'user',
      entityId: id,
      tenantId: null,
      before: { table_preferences: { [name]: before } },
      after: { table_preferences: { [name]: after } },
    });
    return after;
  });
}
