import { can, type AuthContext } from '@/lib/auth/context';
import { locationListQuerySchema } from '@/lib/schemas/location';
import { tariffListQuerySchema } from '@/lib/schemas/tariff';
import { getLocation, listLocations } from '@/lib/services/locations';
import { listTariffs } from '@/lib/services/tariffs';
import { AppError } from '@/lib/errors';

export type Choice = { id: string; label: string };

/** How many locations the table's location filter offers (by name); a linked one is always added. */
export const LOCATION_CHOICES = 200;

/**
 * The stations table's location filter: the first locations in scope by name, plus the one in the
 * address if it is further down the list (so a shared link still shows what it filters on).
 */
export async function stationLocationChoices(ctx: AuthContext, selectedId?: string): Promise<Choice[]> {
  const page = await listLocations({ ctx, query: locationListQuerySchema.parse({ limit: String(LOCATION_CHOICES), sort: 'name' }) });
  const choices = page.data.map((l) => ({ id: l.id, label: `${l.name} — ${l.city}` }));
  if (selectedId && !choices.some((c) => c.id === selectedId)) {
    try {
      const location = await getLocation({ ctx, id: selectedId });
      choices.unshift({ id: location.id, label: `${location.name} — ${location.city}` });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'not_found') throw error;
    }
  }
  return choices;
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
