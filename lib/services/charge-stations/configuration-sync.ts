import { actorRef, type AuthContext } from '@/lib/auth/context';
import type { Tx } from '@/lib/db/client';
import type { ConfigurationSync } from '@/lib/domain/vocabulary';
import type { ChargeStation } from '@/lib/schemas/charge-station';
import { enqueueStationCommand } from '@/lib/services/ocpp/enqueue-station-command';

type Desired = Pick<ChargeStation, 'configuration' | 'configuration_sync' | 'connected'>;

/** How a change of the desired configuration reaches the station: the new sync states and the keys to send. */
export type ConfigurationPlan = { configurationSync: Record<string, ConfigurationSync>; keys: string[] };

/** The sync state of a key that is to be sent: queued for a connected station, else waiting for it to connect. */
export const queuedState = (connected: boolean): ConfigurationSync => (connected ? 'PENDING' : 'OFFLINE');

/**
 * Changed and added keys are to be sent (PENDING, or OFFLINE while disconnected), removed keys lose
 * their state (OCPP cannot unset a key), untouched keys keep theirs. A key without a state was
 * never sent, so it goes along.
 */
export function planConfigurationSync(current: Desired, next: Record<string, string>): ConfigurationPlan {
  const configurationSync: Record<string, ConfigurationSync> = {};
  const keys: string[] = [];
  for (const [key, value] of Object.entries(next)) {
    const kept = current.configuration[key] === value ? current.configuration_sync[key] : undefined;
    if (kept) configurationSync[key] = kept;
    else {
      configurationSync[key] = queuedState(current.connected);
      keys.push(key);
    }
  }
  return { configurationSync, keys };
}

/** One `sync_configuration` command for the keys, in the change's transaction; nothing when no key changed. */
export async function queueConfigurationSync(tx: Tx, ctx: AuthContext, stationId: string, keys: string[]): Promise<void> {
  if (!keys.length) return;
  await enqueueStationCommand(tx, { stationId, kind: 'sync_configuration', payload: { keys }, requestedBy: actorRef(ctx.actor) });
}
