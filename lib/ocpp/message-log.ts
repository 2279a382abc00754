import { pruneOcppMessages, writeOcppMessages, type OcppMessageEntry } from '@/lib/services/ocpp';
import type { FrameType, OcppSocket, ProtocolAdapter } from './adapter';
import { logFailure } from './faults';

const DAY_MS = 24 * 60 * 60 * 1000;

export type MessageLogOptions = {
  flushIntervalMs?: number;
  maxBatch?: number;
  pruneIntervalMs?: number;
  keepPerStation?: number;
  maxAgeMs?: number;
};

/**
 * The frame log (docs/OCPP.md#message-log): frames are buffered and written in batches off the
 * call path, so a slow database delays the log, never an answer to a station. While the database
 * cannot keep up the buffer is bounded and the oldest frames are dropped.
 */
export class MessageLog {
  private buffer: OcppMessageEntry[] = [];
  private flushing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly pruneTimer: NodeJS.Timeout;
  private touched = new Set<string>();
  private readonly flushIntervalMs: number;
  private readonly maxBatch: number;
  private readonly keepPerStation: number;
  private readonly maxAgeMs: number;

  constructor(options: MessageLogOptions = {}) {
    this.flushIntervalMs = options.flushIntervalMs ?? 250;
    this.maxBatch = options.maxBatch ?? 500;
    this.keepPerStation = options.keepPerStation ?? 1_000;
    this.maxAgeMs = options.maxAgeMs ?? 7 * DAY_MS;
    this.pruneTimer = setInterval(() => void this.prune(), options.pruneIntervalMs ?? 60_000).unref();
  }

  record(entry: OcppMessageEntry): void {
    this.buffer.push(entry);
    if (this.buffer.length > this.maxBatch * 100) this.buffer.splice(0, this.buffer.length - this.maxBatch * 100);
    if (this.buffer.length >= this.maxBatch) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.flushIntervalMs);
  }

  /** Writes what is buffered; resolves when it is stored. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.flushing) await this.flushing;
    if (!this.buffer.length) return;
    const batch = this.buffer.splice(0, this.maxBatch);
    this.flushing = writeOcppMessages(batch)
      .then(() => batch.forEach((entry) => this.touched.add(entry.stationId)))
      .catch((error) => logFailure(`OCPP: ${batch.length} message log frames could not be stored`, error))
      .finally(() => (this.flushing = null));
    await this.flushing;
    if (this.buffer.length) await this.flush();
  }

  async prune(): Promise<void> {
    const stationIds = [...this.touched];
    this.touched = new Set();
    await pruneOcppMessages({ stationIds, keepPerStation: this.keepPerStation, maxAgeMs: this.maxAgeMs }).catch((error) =>
      logFailure('OCPP: message log retention failed', error),
    );
  }

  async close(): Promise<void> {
    clearInterval(this.pruneTimer);
    await this.flush();
  }
}

type Frame = [number, string, ...unknown[]];
const TYPES: Record<number, FrameType> = { 2: 'CALL', 3: 'CALLRESULT', 4: 'CALLERROR' };

/**
 * Logs every frame in and out of one socket while the station has a row (an unknown station's
 * frames before its boot created one are not stored). Answers carry the call's action and the
 * time since the call.
 */
export function logFrames(socket: OcppSocket, log: MessageLog, adapter: ProtocolAdapter, stationId: () => string | null): void {
  const calls = new Map<string, { action: string; at: number }>();
  const onFrame = (outbound: boolean, frame: Frame) => {
    const [typeNumber, messageId] = frame;
    const type = TYPES[typeNumber];
    if (!type) return;
    const now = Date.now();
    let action: string | null;
    let payload: unknown;
    let latencyMs: number | null = null;
    if (type === 'CALL') {
      action = String(frame[2]);
      payload = frame[3];
      calls.set(messageId, { action, at: now });
    } else {
      const call = calls.get(messageId);
      calls.delete(messageId);
      action = call?.action ?? null;
      latencyMs = call ? now - call.at : null;
      payload = type === 'CALLRESULT' ? frame[2] : { error_code: frame[2], description: frame[3], details: frame[4] ?? {} };
    }
    const id = stationId();
    if (!id) return;
    log.record({
      stationId: id,
      at: new Date(now),
      direction: outbound ? 'OUT' : 'IN',
      messageType: type,
      action,
      messageId,
      payload: adapter.maskPayload(action, type, payload),
      latencyMs,
    });
  };
  socket.on('call', ({ outbound, payload }: { outbound: boolean; payload: Frame }) => onFrame(outbound, payload));
  socket.on('response', ({ outbound, payload }: { outbound: boolean; payload: Frame }) => onFrame(outbound, payload));
  // A call of ours that timed out gets no answer: forget it.
  socket.on('callError', ({ outbound, messageId }: { outbound: boolean; messageId: string }) => {
    if (outbound) calls.delete(messageId);
  });
}
