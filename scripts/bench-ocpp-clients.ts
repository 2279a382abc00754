// A load-generator process of `npm run bench:ocpp`: holds a share of the benchmark's stations as
// bare ocpp-rpc clients (no simulator state, no client-side pings or validation, so thousands fit
// in one process) and drives StatusNotification calls at the rate it is told. Speaks to the
// orchestrator over the fork IPC channel.
import { RPCClient } from 'ocpp-rpc';

type ClientOptions = ConstructorParameters<typeof RPCClient>[0];

export type WorkerCommand =
  | { type: 'connect'; url: string; ocppIds: string[]; password: string; perSecond: number }
  | { type: 'drive'; perSecond: number; seconds: number }
  | { type: 'close' };

export type WorkerReport =
  | { type: 'connected'; connected: number; failed: number; firstError?: string }
  | { type: 'driven'; latenciesMs: number[]; errors: number; issued: number; elapsedMs: number; disconnected: number };

/** Answers to what the gateway asks a freshly booted station (configuration refresh, availability sync). */
const ANSWERS: Record<string, Record<string, unknown>> = {
  GetConfiguration: { configurationKey: [{ key: 'HeartbeatInterval', readonly: false, value: '300' }], unknownKey: [] },
  TriggerMessage: { status: 'Accepted' },
};
/** Connection attempts in flight at once, so a ramp does not open thousands of handshakes together. */
const CONNECTING_AT_ONCE = 50;

const clients: RPCClient[] = [];
let disconnected = 0;
const report = (message: WorkerReport) => process.send!(message);

async function connectAll({ url, ocppIds, password, perSecond }: Extract<WorkerCommand, { type: 'connect' }>) {
  const started = performance.now();
  let next = 0;
  let failed = 0;
  let firstError: string | undefined;
  const connectOne = async (ocppId: string) => {
    const client = new RPCClient({
      endpoint: url,
      identity: ocppId,
      password,
      protocols: ['ocpp1.6'],
      strictMode: false,
      reconnect: false,
      pingIntervalMs: 0,
      callTimeoutMs: 30_000,
    } as ClientOptions);
    client.handle(async ({ method }) => ANSWERS[method ?? ''] ?? { status: 'Accepted' });
    try {
      await client.connect();
      const boot = (await client.call('BootNotification', { chargePointVendor: 'Bench', chargePointModel: 'Bench' })) as { status: string };
      if (boot.status !== 'Accepted') throw new Error(`boot ${boot.status}`);
      client.on('disconnect', () => disconnected++);
      clients.push(client);
    } catch (error) {
      failed++;
      firstError ??= `${ocppId}: ${(error as Error).message}`;
      await client.close({ force: true }).catch(() => undefined);
    }
  };
  const lane = async () => {
    while (next < ocppIds.length) {
      const index = next++;
      const due = started + (index * 1000) / perSecond;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      await connectOne(ocppIds[index]!);
    }
  };
  await Promise.all(Array.from({ length: CONNECTING_AT_ONCE }, lane));
  report({ type: 'connected', connected: clients.length, failed, firstError });
}

/** Issues calls on an open-loop schedule (the rate does not slow down when answers do), round robin over the stations. */
async function drive({ perSecond, seconds }: Extract<WorkerCommand, { type: 'drive' }>) {
  const latenciesMs: number[] = [];
  const inFlight = new Set<Promise<void>>();
  let errors = 0;
  let issued = 0;
  const started = performance.now();
  const callOne = (client: RPCClient, status: string) => {
    const sentAt = performance.now();
    const call = client
      .call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status, timestamp: new Date().toISOString() })
      .then(
        () => void latenciesMs.push(performance.now() - sentAt),
        () => void errors++,
      )
      .finally(() => inFlight.delete(call));
    inFlight.add(call);
  };
  while (performance.now() - started < seconds * 1000) {
    const due = Math.floor(((performance.now() - started) * perSecond) / 1000);
    for (; issued < due; issued++) {
      const client = clients[issued % clients.length]!;
      // Each station alternates, so every call changes its connector and is written.
      callOne(client, Math.floor(issued / clients.length) % 2 ? 'Available' : 'Preparing');
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await Promise.race([Promise.all(inFlight), new Promise((resolve) => setTimeout(resolve, 30_000))]);
  report({ type: 'driven', latenciesMs, errors, issued, elapsedMs: performance.now() - started, disconnected });
}

process.on('message', (command: WorkerCommand) => {
  if (command.type === 'connect') void connectAll(command);
  else if (command.type === 'drive') void drive(command);
  else void Promise.all(clients.map((c) => c.close({ force: true }))).finally(() => process.exit(0));
});
