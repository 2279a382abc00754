import { columnVisibilityFeature, rowSelectionFeature, tableFeatures } from '@tanstack/react-table';

/**
 * Paging, sorting and filtering run on the server; the client table renders rows, lets the user
 * hide columns and select rows (for bulk actions).
 */
export const serverTableFeatures = tableFeatures({ columnVisibilityFeature, rowSelectionFeature });
export type ServerTableFeatures = typeof serverTableFeatures;
