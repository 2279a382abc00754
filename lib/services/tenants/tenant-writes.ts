import { and, eq, isNull, ne } from 'drizzle-orm';
import { getDb, type Queryable } from '@/lib/db/client';
import { tenants } from '@/lib/db/schema';
import { asUniqueClash, conflict } from '@/lib/services/shared/unique-clash';

export const SLUG_CONSTRAINT = 'tenants_slug_live_uq';

const clashError = (slug: string, id: string) => conflict(`A tenant with slug "${slug}" already exists.`, id);

function findSlug(db: Queryable, slug: string, selfId?: string) {
  return db
    .select({ id: tenants.id })
    .from(tenants)
    .where(and(eq(tenants.slug, slug), isNull(tenants.deletedAt), selfId ? ne(tenants.id, selfId) : undefined));
}

/** 409 when another live tenant already has this slug. */
export async function assertSlugFree(db: Queryable, slug: string, selfId?: string) {
  const [clash] = await findSlug(db, slug, selfId);
  if (clash) throw clashError(slug, clash.id);
}

/** A concurrent duplicate that slipped past the check fails on the unique index: the same 409. */
export async function asSlugClash(error: unknown, clash: { slug: string; selfId?: string } | undefined): Promise<unknown> {
  if (!clash) return error;
  const findExisting = async () => (await findSlug(getDb(), clash.slug, clash.selfId))[0]?.id;
  return asUniqueClash(error, SLUG_CONSTRAINT, findExisting, `A tenant with slug "${clash.slug}" already exists.`);
}
