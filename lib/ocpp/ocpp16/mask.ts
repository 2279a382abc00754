import type { FrameType } from '../adapter';

const SECRET_KEYS = new Set(['AuthorizationKey']);
const MASK = '***';

type KeyValue = { key?: unknown; value?: unknown };
const masked = (entry: KeyValue) => (SECRET_KEYS.has(String(entry.key)) && entry.value !== undefined ? { ...entry, value: MASK } : entry);

/** The station's password never reaches the log: not in ChangeConfiguration, not in GetConfiguration's answer. */
export function maskPayload(action: string | null, type: FrameType, payload: unknown): unknown {
  if (!payload || typeof payload !== 'object') return payload;
  if (action === 'ChangeConfiguration' && type === 'CALL') return masked(payload as KeyValue);
  if (action === 'GetConfiguration' && type === 'CALLRESULT') {
    const result = payload as { configurationKey?: unknown };
    if (Array.isArray(result.configurationKey)) {
      return { ...result, configurationKey: result.configurationKey.map((entry: KeyValue) => masked(entry)) };
    }
  }
  return payload;
}
