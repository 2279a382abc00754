import { can, tenantsWith, type AuthContext } from '@/lib/auth/context';
import { IMPORT_ENTITIES, type ImportEntity } from '@/lib/domain/vocabulary';
import { csvColumns, IMPORT_PERMISSION } from '@/lib/services/imports';
import { importTemplateCsv } from '@/lib/view/imports';

/** What the caller may import: locations with location:write, charge stations with station:write (somewhere). */
export function importableEntities(ctx: AuthContext): ImportEntity[] {
  return IMPORT_ENTITIES.filter((entity) => can(ctx, IMPORT_PERMISSION[entity]));
}

/**
 * The CSV template of an entity as the import reads it. The example row names the caller's tenant
 * when there is exactly one it may write in (or the one chosen in the tenant switcher).
 */
export function importTemplate(ctx: AuthContext, entity: ImportEntity): string {
  const writable = tenantsWith(ctx, IMPORT_PERMISSION[entity]);
  return importTemplateCsv(entity, [...csvColumns(entity).keys()], writable?.length === 1 ? writable[0] : undefined);
}
