// The socket half of a simulated station: one ocpp-rpc client that reconnects like hardware does,
// calls that never throw at the caller, typed events and a waitFor for tests.
import { EventEmitter } from 'node:events';
import { RPCClient } from 'ocpp-rpc';
import type { SimulatedStationOptions, StationEventName, StationEvents, StationEventValue } from './types';

type ClientOptions = ConstructorParameters<typeof RPCClient>[0];

export class StationConnection extends EventEmitter<StationEvents> {
  readonly ocppId: string;
  protected readonly client: RPCClient;
  protected readonly options: SimulatedStationOptions;
  private wanted = false;
  private open = false;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(options: SimulatedStationOptions) {
    super();
    this.options = options;
    this.ocppId = options.ocppId;
    const reconnectDelayMs = options.reconnectDelayMs ?? 1000;
    this.client = new RPCClient({
      endpoint: options.url,
      identity: options.ocppId,
      password: options.password ?? null,
      protocols: ['ocpp1.6'],
      strictMode: true,
      reconnect: true,
      callTimeoutMs: options.callTimeoutMs ?? 30_000,
      backoff: { initialDelay: reconnectDelayMs, maxDelay: Math.max(reconnectDelayMs, 10_000), factor: 2, randomisationFactor: 0 },
    } as ClientOptions);
    this.client.on('open', () => {
      this.open = true;
      this.log('connected');
      this.emit('connected');
    });
    this.client.on('disconnect', ({ code, reason }: { code: number; reason: string }) => {
      this.open = false;
      this.log(`disconnected (${code}${reason ? ` ${reason}` : ''})`);
      this.emit('disconnected', { code, reason });
    });
  }

  get connected(): boolean {
    return this.open;
  }

  /** The password the station authenticates with now (it changes when the server provisions one). */
  get password(): string | null {
    return this.options.password ?? null;
  }

  /** Opens the socket; rejects when the server refuses the handshake (e.g. 401). */
  async connect(): Promise<void> {
    this.wanted = true;
    await this.client.connect();
  }

  /** Connects in the background, retrying until the central system lets it in, as hardware does. */
  start() {
    this.wanted = true;
    void this.reconnect();
  }

  /** Closes the socket cleanly and stays off line until `connect()`. */
  async disconnect(): Promise<void> {
    this.wanted = false;
    this.clearTimers();
    await this.client.close({ code: 1000, reason: 'Station stopped' });
  }

  /** Terminates the socket without a close frame, as a lost network does; comes back after `reconnectAfterMs` unless null. */
  async dropConnection(reconnectAfterMs: number | null = this.options.reconnectDelayMs ?? 1000): Promise<void> {
    this.log('dropping the connection');
    await this.client.close({ force: true });
    if (reconnectAfterMs !== null) this.later(reconnectAfterMs, () => void this.reconnect());
  }

  /** Resolves with the next `event` that `match` accepts; rejects after `timeoutMs` (default 10 s). Call it before what causes the event. */
  waitFor<E extends StationEventName>(
    event: E,
    options: { timeoutMs?: number; match?: (value: StationEventValue<E>) => boolean } = {},
  ): Promise<StationEventValue<E>> {
    const timeoutMs = options.timeoutMs ?? 10_000;
    return new Promise((resolve, reject) => {
      const listener = (...args: unknown[]) => {
        const value = args[0] as StationEventValue<E>;
        if (options.match && !options.match(value)) return;
        clearTimeout(timer);
        this.off(event, listener as never);
        resolve(value);
      };
      const timer = setTimeout(() => {
        this.off(event, listener as never);
        reject(new Error(`${this.ocppId}: no ${event} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.on(event, listener as never);
    });
  }

  protected setPassword(password: string) {
    this.options.password = password;
    this.client.reconfigure({ password } as ClientOptions);
  }

  /** Closes cleanly for a reboot and connects again after `offlineMs`, retrying until it gets through. */
  protected async restart(offlineMs: number) {
    await this.client.close({ code: 1000, reason: 'Rebooting', awaitPending: true });
    this.clearTimers();
    this.later(offlineMs, () => void this.reconnect());
  }

  /** A call to the central system; undefined when it fails (socket gone, CALLERROR, timeout), which is logged. */
  protected async send<T>(action: string, params: Record<string, unknown>): Promise<T | undefined> {
    if (!this.open) return undefined;
    try {
      return (await this.client.call(action, params)) as T;
    } catch (error) {
      this.log(`${action} failed: ${(error as Error).message}`);
      return undefined;
    }
  }

  protected later(ms: number, run: () => void): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    timer.unref();
    this.timers.add(timer);
    return timer;
  }

  protected cancel(timer: NodeJS.Timeout | undefined) {
    if (!timer) return;
    clearTimeout(timer);
    this.timers.delete(timer);
  }

  /** An interval the server or configuration gave, in seconds, capped by `maxIntervalMs`. */
  protected intervalMs(seconds: number): number {
    return Math.min(Math.max(seconds, 1) * 1000, this.options.maxIntervalMs ?? Infinity);
  }

  protected log(line: string) {
    this.options.log?.(`${this.ocppId} ${line}`);
  }

  private clearTimers() {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private async reconnect() {
    if (!this.wanted || this.open) return;
    try {
      await this.client.connect();
    } catch (error) {
      this.log(`reconnect failed: ${(error as Error).message}`);
      this.later(this.options.reconnectDelayMs ?? 1000, () => void this.reconnect());
    }
  }
}
