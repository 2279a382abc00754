import fs from 'node:fs/promises';
import path from 'node:path';

/** Natural Earth 1:50m countries and land (world-atlas): ~240 kB gzip, fine from zoom 3 to a city's scale. */
const FILE = path.join(process.cwd(), 'node_modules', 'world-atlas', 'countries-50m.json');

let body: Promise<Buffer> | undefined;

// GET /locations/basemap?v=… — the offline basemap's TopoJSON, fetched by the maps when MAP_TILE_URL
// is unset. It never changes for a given `v` (the data package's version): cached for a year.
export async function GET(): Promise<Response> {
  body ??= fs.readFile(FILE);
  return new Response(new Uint8Array(await body), {
    headers: { 'content-type': 'application/json', 'cache-control': 'public, max-age=31536000, immutable' },
  });
}
