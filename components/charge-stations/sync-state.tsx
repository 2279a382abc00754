import type { AvailabilitySync, ConfigurationSync } from '@/lib/domain/vocabulary';
import { AVAILABILITY_SYNC_MEANING, CONFIGURATION_SYNC_MEANING, syncTone } from '@/lib/view/stations';

const TONE = {
  good: 'border-emerald-300 bg-emerald-50 text-emerald-900',
  wait: 'border-amber-300 bg-amber-50 text-amber-900',
  bad: 'border-red-300 bg-red-50 text-red-900',
} as const;

type Props =
  { kind: 'availability'; state: AvailabilitySync; testId?: string } | { kind: 'configuration'; state: ConfigurationSync; testId?: string };

/** A sync state and what it means in plain words, beside the control it belongs to. */
export function SyncState({ kind, state, testId }: Props) {
  const meaning = kind === 'availability' ? AVAILABILITY_SYNC_MEANING[state] : CONFIGURATION_SYNC_MEANING[state];
  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-2 text-sm">
      <span className={`rounded border px-1.5 py-0.5 font-mono text-xs ${TONE[syncTone(state)]}`} data-testid={testId}>
        {state}
      </span>
      <span className="text-slate-700">{meaning}</span>
    </span>
  );
}
