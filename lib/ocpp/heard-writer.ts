import { recordHeartbeats } from '@/lib/services/ocpp';
import { logFailure } from './faults';

/**
 * Collects "heard from station X at T" and writes them together every `intervalMs`, so thousands
 * of talking stations cost a couple of statements a second rather than one per message.
 */
export class HeardWriter {
  private pending = new Map<string, Date>();
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly intervalMs = 500) {}

  record(stationId: string, at: Date): void {
    this.pending.set(stationId, at);
    this.timer ??= setTimeout(() => void this.flush(), this.intervalMs);
  }

  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = [...this.pending].map(([stationId, at]) => ({ stationId, at }));
    this.pending = new Map();
    this.writing = this.writing
      .then(() => recordHeartbeats(batch))
      .catch((error) => logFailure(`OCPP: last heard times of ${batch.length} stations could not be stored`, error));
    await this.writing;
  }
}
