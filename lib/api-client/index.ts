// The typed REST client for integrations, the examples and the station simulator: openapi-fetch on
// the types generated from the OpenAPI document (schema.ts, `npm run client:generate`). Paths,
// parameters, bodies and answers are checked against the API at compile time.
import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, paths };
export type ApiClient = Client<paths>;

export type ApiClientOptions = {
  /** Where the API is served, e.g. `http://127.0.0.1:3000` (paths start with /api/v2). */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <apiKey>` on every request. */
  apiKey: string;
  /** Another fetch (tests, retries, proxies); globalThis.fetch by default. */
  fetch?: (request: Request) => Promise<Response>;
};

export function createApiClient({ baseUrl, apiKey, fetch }: ApiClientOptions): ApiClient {
  return createClient<paths>({ baseUrl: baseUrl.replace(/\/+$/, ''), headers: { Authorization: `Bearer ${apiKey}` }, fetch });
}
