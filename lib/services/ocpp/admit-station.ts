import { createHash } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { verifyPassword } from '@/lib/auth/password';
import { getDb } from '@/lib/db/client';
import { chargeStations } from '@/lib/db/schema';

export type UnknownStations = 'pool' | 'reject';

/** Who a handshake is (docs/OCPP.md#endpoint-and-admission). */
export type Admission =
  | { admitted: false }
  /** `stationId` null: an unknown station in pool mode, whose BootNotification creates its row. */
  | { admitted: true; stationId: string | null; accepted: boolean };

// argon2id costs tens of milliseconds; a reconnect storm of thousands of stations would queue
// behind it. A hit needs the same hash and the same password, so a changed password misses. The
// promise is cached, so sockets arriving together with one password wait for one verification.
const verified = new Map<string, Promise<boolean>>();
const VERIFIED_CACHE_MAX = 50_000;

function passwordMatches(passwordHash: string, password: string): Promise<boolean> {
  const key = `${passwordHash}\u0000${createHash('sha256').update(password).digest('hex')}`;
  let matches = verified.get(key);
  if (!matches) {
    if (verified.size >= VERIFIED_CACHE_MAX) verified.delete(verified.keys().next().value!);
    matches = verifyPassword(passwordHash, password);
    verified.set(key, matches);
  }
  return matches;
}

/**
 * The admission table: a station with a password must present it (accepted); a station without
 * one, or an unknown one, is let in unauthenticated in pool mode (its boot is Pending) and refused
 * in reject mode.
 */
export async function admitStation(args: {
  ocppId: string;
  password: string | undefined;
  unknownStations: UnknownStations;
}): Promise<Admission> {
  const [station] = await getDb()
    .select({ id: chargeStations.id, passwordHash: chargeStations.ocppPasswordHash })
    .from(chargeStations)
    .where(and(eq(chargeStations.ocppId, args.ocppId), isNull(chargeStations.deletedAt)));
  if (station?.passwordHash) {
    const ok = args.password !== undefined && (await passwordMatches(station.passwordHash, args.password));
    return ok ? { admitted: true, stationId: station.id, accepted: true } : { admitted: false };
  }
  if (args.unknownStations === 'reject') return { admitted: false };
  return { admitted: true, stationId: station?.id ?? null, accepted: false };
}
