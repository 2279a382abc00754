import { z } from 'zod';

/** Every station form sends the station's id and the version it showed (optimistic concurrency → 412). */
export const stationRef = { id: z.string().min(1), version: z.coerce.number().int().positive() };

/**
 * A station form: its id and version, plus the API body validated by the API's schema (through
 * `formInput`), so field errors carry the API's JSON pointers.
 */
export function stationForm<T extends z.ZodType>(body: T) {
  return z.object(stationRef).and(body);
}
