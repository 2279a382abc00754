import 'server-only';

export { createImport } from './create-import';
export { getImport } from './get-import';
export { listImports } from './list-imports';
export { importErrorReport } from './import-error-report';
export { runImports } from './run-imports';
export { csvColumns } from './read-import-file';
export { IMPORT_PERMISSION } from './import-record';
export { onImportQueued } from './import-wakeup';
