// The OCPP gateway as `npm start`, `npm run demo` and `npm run ocpp` run it, from the settings.
import type { Env } from '@/lib/env';

/** The address stations connect to, as the scripts print it. */
export function gatewayUrl(hostname: string, port: number): string {
  const host = ['0.0.0.0', '::'].includes(hostname) ? 'localhost' : hostname;
  return `ws://${host}:${port}/ocpp/{ocpp_id}`;
}

/** Starts the gateway with its command side and prints where it listens. */
export async function startProductGateway(env: Env, { embedded }: { embedded: boolean }) {
  const { startGateway } = await import('@/lib/ocpp/gateway');
  const { createDispatcher } = await import('@/lib/ocpp/dispatcher');
  // The embedded database serves one session: no LISTEN there, the dispatcher polls instead.
  const gateway = await startGateway({
    port: env.OCPP_PORT,
    host: env.HOSTNAME,
    unknownStations: env.OCPP_UNKNOWN_STATIONS,
    listen: !embedded,
    pollIntervalMs: embedded ? 250 : 1000,
    dispatcher: createDispatcher,
  });
  console.log(`OCPP gateway ${gateway.id} listening on ${gatewayUrl(env.HOSTNAME, gateway.port)}`);
  return gateway;
}
