import { z } from 'zod';
import { PAGE_SIZES, TABLE_DENSITIES } from '@/lib/domain/table-view';

/** A table's name in `users.table_preferences`: `charge_stations`, `locations`, … */
export const tableNameSchema = z.string().regex(/^[a-z][a-z_]{0,39}$/, 'must be a table name such as charge_stations');

/** How one user wants one portal table shown; every field optional, so a save can change one of them. */
export const tableViewSchema = z
  .object({
    hidden_columns: z
      .array(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be a column id'))
      .max(40)
      .transform((ids) => [...new Set(ids)]),
    density: z.enum(TABLE_DENSITIES),
    page_size: z.literal(PAGE_SIZES),
  })
  .partial()
  .strict();
export type TableView = z.infer<typeof tableViewSchema>;

/** The whole column: one view per table. */
export const tablePreferencesSchema = z.record(tableNameSchema, tableViewSchema);
export type TablePreferences = z.infer<typeof tablePreferencesSchema>;
