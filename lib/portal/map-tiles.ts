import { getEnv } from '@/lib/env';

/** The basemap's tile URL template (MAP_TILE_URL, validated in lib/env.ts), or null: the bundled offline basemap. */
export function mapTileUrl(): string | null {
  return getEnv().MAP_TILE_URL ?? null;
}
