// What an installer's or a CRM's tooling does before a station is powered up: make sure the
// product knows it, through the REST API (typed client). A station the product already has is
// left as it is; a missing one is created with the identity it will boot with, and with its
// password when it has one (so its first boot is Accepted rather than Pending).
import type { ApiClient } from '@/lib/api-client';
import type { StationIdentity } from './types';

export type StationToEnsure = { ocppId: string; password?: string | null; identity?: Partial<StationIdentity> };
export type EnsuredStation = { id: string; created: boolean };

const PAGE = 100;

/** The id of the live station with exactly this OCPP id the caller can see, or null. */
async function findStation(client: ApiClient, ocppId: string): Promise<string | null> {
  // `q` also matches names, addresses and serials, and OCPP ids containing this one: compare exactly.
  let cursor: string | undefined;
  do {
    const { data, error, response } = await client.GET('/api/v2/charge-stations', {
      params: { query: { q: ocppId, limit: PAGE, cursor } },
    });
    if (!data) throw new Error(`GET /api/v2/charge-stations?q=${ocppId}: ${response.status} ${error?.detail ?? ''}`.trim());
    const found = data.data.find((station) => station.ocpp_id === ocppId);
    if (found) return found.id;
    cursor = data.next_cursor ?? undefined;
  } while (cursor);
  return null;
}

export async function ensureStation(client: ApiClient, { ocppId, password, identity = {} }: StationToEnsure): Promise<EnsuredStation> {
  const existing = await findStation(client, ocppId);
  if (existing) return { id: existing, created: false };
  const { data, error, response } = await client.POST('/api/v2/charge-stations', {
    body: {
      ocpp_id: ocppId,
      charger_type: 'AC',
      vendor: identity.vendor,
      model: identity.model,
      serial_number: identity.serialNumber,
      firmware_version: identity.firmwareVersion,
      ...(password ? { ocpp_password: password } : {}),
    },
  });
  if (data) return { id: data.id, created: true };
  // Created meanwhile by someone else (another simulator, the station's own first boot): it exists.
  if (response.status === 409 && error?.existing_id) return { id: error.existing_id, created: false };
  throw new Error(`POST /api/v2/charge-stations ${ocppId}: ${response.status} ${error?.detail ?? ''}`.trim());
}
