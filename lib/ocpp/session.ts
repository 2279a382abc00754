import type { InboundSession, OcppSocket, ProtocolAdapter } from './adapter';
import type { StationCalls, StationEvent } from './protocol';

type Waiter = { type: StationEvent['type']; match?: (event: never) => boolean; resolve: (event: StationEvent | null) => void };

const OPEN = 1;
/** "Any message heard" is written at most this often per station (docs/OCPP.md#station--product). */
export const HEARD_WRITE_INTERVAL_MS = 5_000;

/** One open socket of one station (lib/ocpp/protocol.ts), over an ocpp-rpc server client. */
export class GatewaySession implements InboundSession {
  readonly ocppId: string;
  readonly accepted: boolean;
  readonly calls: StationCalls;
  stationId: string | null;
  ready: Promise<void> = Promise.resolve();
  /** Set once the claim committed: its order among this gateway's claims (the ownership check needs it). */
  claimSeq: number | null = null;
  private readonly waiters = new Set<Waiter>();
  private lastHeardWriteAt = 0;

  constructor(
    private readonly socket: OcppSocket,
    adapter: ProtocolAdapter,
    identity: { ocppId: string; stationId: string | null; accepted: boolean },
    private readonly writeHeard: (stationId: string, at: Date) => void,
  ) {
    this.ocppId = identity.ocppId;
    this.stationId = identity.stationId;
    this.accepted = identity.accepted;
    this.calls = adapter.calls(socket);
    socket.once('close', () => {
      for (const waiter of this.waiters) waiter.resolve(null);
      this.waiters.clear();
    });
  }

  waitFor<T extends StationEvent['type']>(
    type: T,
    timeoutMs: number,
    match?: (event: Extract<StationEvent, { type: T }>) => boolean,
  ): Promise<Extract<StationEvent, { type: T }> | null> {
    return new Promise((resolve) => {
      if (!this.isOpen()) return resolve(null);
      const waiter: Waiter = {
        type,
        match: match as Waiter['match'],
        resolve: (event) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(event as Extract<StationEvent, { type: T }> | null);
        },
      };
      const timer = setTimeout(() => waiter.resolve(null), timeoutMs);
      this.waiters.add(waiter);
    });
  }

  emit(event: StationEvent): void {
    for (const waiter of [...this.waiters]) {
      if (waiter.type === event.type && (!waiter.match || waiter.match(event as never))) waiter.resolve(event);
    }
  }

  /** Something arrived from the station: `last_heartbeat_at`, throttled. */
  heard(): void {
    const now = Date.now();
    if (!this.stationId || now - this.lastHeardWriteAt < HEARD_WRITE_INTERVAL_MS) return;
    this.lastHeardWriteAt = now;
    this.writeHeard(this.stationId, new Date(now));
  }

  isOpen(): boolean {
    return this.socket.state === OPEN;
  }

  async close(code: number, reason: string): Promise<void> {
    await this.socket.close({ code, reason });
  }
}
