import { tableFeatures } from '@tanstack/react-table';

/** Paging, sorting and filtering run on the server; the client table only renders rows. */
export const serverTableFeatures = tableFeatures({});
export type ServerTableFeatures = typeof serverTableFeatures;
