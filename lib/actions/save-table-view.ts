'use server';

import { sessionContext } from '@/lib/auth/request-context';
import { AppError } from '@/lib/errors';
import type { TableView } from '@/lib/schemas/table-preferences';
import { updateTablePreferences } from '@/lib/services/portal-preferences';

/**
 * A table's view menu (columns, density, page size): saved on the signed-in user's own row, so
 * it is their default on every device. The verb validates the input and audits the change.
 */
export async function saveTableView(table: string, view: TableView): Promise<void> {
  const ctx = await sessionContext();
  if (ctx?.actor.kind !== 'user') throw new AppError('unauthorized', 'Sign in to save table settings.');
  await updateTablePreferences({ ctx, userId: ctx.actor.id, table, view });
}
