import { can, type AuthContext } from '@/lib/auth/context';
import { tariffListQuerySchema } from '@/lib/schemas/tariff';
import { getLocation } from '@/lib/services/locations';
import { listTariffs } from '@/lib/services/tariffs';
import { AppError } from '@/lib/errors';

export type Choice = { id: string; label: string };

/** The location a shared stations link filters on, named for the filter (none when out of scope). */
export async function selectedLocationChoice(ctx: AuthContext, id: string | undefined): Promise<Choice | null> {
  if (!id) return null;
  try {
    const location = await getLocation({ ctx, id });
    return { id: location.id, label: `${location.name} — ${location.address}, ${location.city}` };
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  }
}

export type BulkOperations = { availability: boolean; tariff: boolean; groups: boolean };

/** Which bulk operations to offer: those the user holds in at least one tenant (rows the user may not change fail alone). */
export function bulkOperations(ctx: AuthContext): BulkOperations {
  return { availability: can(ctx, 'station:availability'), tariff: can(ctx, 'station:tariff'), groups: can(ctx, 'station:write') };
}

/** Tariff codes a bulk "set tariff" may choose: every tariff offered to one of the user's tenants. */
export async function bulkTariffChoices(ctx: AuthContext): Promise<Choice[]> {
  const page = await listTariffs({ ctx, query: tariffListQuerySchema.parse({ limit: '1000', sort: 'id' }) });
  return page.data.map((t) => ({ id: t.id, label: t.name ? `${t.id} — ${t.name}` : t.id }));
}
