import 'server-only';

export { getTablePreferences, updateTablePreferences } from './table-preferences';
