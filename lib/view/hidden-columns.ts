/**
 * The URL parameter listing a table's hidden columns (`hide=city,country`): a view setting, kept
 * in the address so a bookmarked view keeps its columns, but never a filter of the API's list.
 */
export const HIDDEN_COLUMNS_PARAM = 'hide';

/** `hide=city,country` → ['city', 'country']. */
export function parseHiddenColumns(value: string | string[] | undefined): string[] {
  const last = Array.isArray(value) ? value.at(-1) : value;
  return (last ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
}
