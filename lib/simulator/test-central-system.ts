// A bare ocpp-rpc central system for the simulator's own tests: it accepts or refuses handshakes,
// answers every station call, records them and lets a test call a station. Not the product gateway.
import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { RPCServer } from 'ocpp-rpc';

/** The part of ocpp-rpc's server-side client this uses. */
type ServerClient = {
  identity: string;
  session: { password: string | null };
  call(method: string, params: unknown): Promise<unknown>;
  close(options: { code?: number; reason?: string }): Promise<unknown>;
  handle(handler: (call: { method?: string; params?: Record<string, unknown> }) => unknown): void;
  on(event: 'close', listener: () => void): void;
};

export type RecordedCall = { identity: string; action: string; params: Record<string, unknown>; password: string | null };

export type CentralSystemOptions = {
  /** The BootNotification answer for a station (default Accepted, interval 300). */
  boot?: (identity: string) => { status: 'Accepted' | 'Pending' | 'Rejected'; interval: number };
  /** Whether a handshake with this password is let in (default: all). */
  admit?: (identity: string, password: string | null) => boolean;
};

export async function startCentralSystem(options: CentralSystemOptions = {}) {
  const server = new RPCServer({ protocols: ['ocpp1.6'], strictMode: true });
  const events = new EventEmitter();
  const calls: RecordedCall[] = [];
  const stations = new Map<string, ServerClient>();
  const handshakes: { identity: string; password: string | null }[] = [];
  let transactions = 0;

  server.auth((accept, reject, handshake) => {
    const password = handshake.password ? handshake.password.toString('utf8') : null;
    handshakes.push({ identity: handshake.identity, password });
    if (options.admit && !options.admit(handshake.identity, password)) return reject(401, 'Unauthorized');
    accept({ password });
  });
  server.on('client', (client: ServerClient) => {
    stations.set(client.identity, client);
    client.on('close', () => {
      if (stations.get(client.identity) === client) stations.delete(client.identity);
      events.emit('close', client.identity);
    });
    client.handle(({ method, params = {} }) => {
      const call = { identity: client.identity, action: method!, params, password: client.session.password };
      calls.push(call);
      events.emit('call', call);
      const now = new Date().toISOString();
      switch (method) {
        case 'BootNotification':
          return { ...(options.boot?.(client.identity) ?? { status: 'Accepted', interval: 300 }), currentTime: now };
        case 'Heartbeat':
          return { currentTime: now };
        case 'Authorize':
          return { idTagInfo: { status: 'Accepted' } };
        case 'StartTransaction':
          return { transactionId: ++transactions, idTagInfo: { status: 'Accepted' } };
        default:
          return {};
      }
    });
  });
  const http = await server.listen(0, '127.0.0.1');
  const { port } = http.address() as AddressInfo;

  return {
    url: `ws://127.0.0.1:${port}/ocpp`,
    calls,
    handshakes,
    /** Calls `action` on the station's current socket and returns its answer. */
    call: async <T = Record<string, unknown>>(identity: string, action: string, params: Record<string, unknown>): Promise<T> => {
      const station = stations.get(identity);
      if (!station) throw new Error(`${identity} is not connected`);
      return (await station.call(action, params)) as T;
    },
    /** Closes the station's socket from the server side. */
    closeStation: async (identity: string, code: number) => {
      await stations.get(identity)?.close({ code, reason: 'closed by the central system' });
    },
    isConnected: (identity: string) => stations.has(identity),
    /** The next call of `action` from `identity` that `match` accepts; rejects after `timeoutMs`. Call it before what causes it. */
    nextCall: (identity: string, action: string, match: (params: Record<string, unknown>) => boolean = () => true, timeoutMs = 5000) =>
      new Promise<RecordedCall>((resolve, reject) => {
        const listener = (call: RecordedCall) => {
          if (call.identity !== identity || call.action !== action || !match(call.params)) return;
          clearTimeout(timer);
          events.off('call', listener);
          resolve(call);
        };
        const timer = setTimeout(() => {
          events.off('call', listener);
          reject(new Error(`no ${action} from ${identity} within ${timeoutMs} ms`));
        }, timeoutMs);
        events.on('call', listener);
      }),
    /** Resolves when the station's socket closes. */
    nextClose: (identity: string, timeoutMs = 5000) =>
      new Promise<void>((resolve, reject) => {
        const listener = (closed: string) => {
          if (closed !== identity) return;
          clearTimeout(timer);
          events.off('close', listener);
          resolve();
        };
        const timer = setTimeout(() => reject(new Error(`${identity} stayed connected`)), timeoutMs);
        events.on('close', listener);
      }),
    close: () => server.close({ force: true }),
  };
}

export type CentralSystem = Awaited<ReturnType<typeof startCentralSystem>>;
