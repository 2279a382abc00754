import type { EvseStatus } from '@/lib/domain/vocabulary';
import { recordConnectorStatuses, type ConnectorStatusRow } from '@/lib/services/ocpp';

type Waiting = { report: ConnectorStatusRow; resolve: (result: { evseUid: string } | null) => void; reject: (error: unknown) => void };

/**
 * Stores status reports of many stations together: one statement per batch instead of one per
 * report, so a thousand reports a second cost tens of statements. A batch goes when `maxBatch`
 * reports wait or `delayMs` after the first; one batch is written at a time. The adapter sends a
 * station's next report only after its previous one is stored, so a batch holds at most one per station.
 */
export class StatusWriter {
  private waiting: Waiting[] = [];
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly statusMap: Readonly<Record<string, EvseStatus>>,
    private readonly delayMs = 5,
    private readonly maxBatch = 250,
  ) {}

  write(report: ConnectorStatusRow): Promise<{ evseUid: string } | null> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ report, resolve, reject });
      if (this.waiting.length >= this.maxBatch) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.delayMs);
    });
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.waiting;
    this.waiting = [];
    if (!batch.length) return;
    this.writing = this.writing.then(async () => {
      try {
        const results = await recordConnectorStatuses(
          batch.map((w) => w.report),
          this.statusMap,
        );
        batch.forEach((w, i) => w.resolve(results[i]!));
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    });
  }
}
