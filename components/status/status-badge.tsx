import { useTranslations } from 'next-intl';
import type {
  AVAILABILITIES,
  AvailabilitySync,
  COMMISSIONING_STATUSES,
  ConfigurationSync,
  EVSE_STATUSES,
  IMPORT_STATUSES,
  STATION_COMMAND_STATUSES,
  TEST_RUN_STATUSES,
  TEST_STEP_STATUSES,
  WEBHOOK_DELIVERY_STATUSES,
} from '@/lib/domain/vocabulary';
import type { KeyStatus } from '@/lib/view/api-keys';
import type { Connection } from '@/lib/view/stations';

export type Tone = 'good' | 'wait' | 'bad' | 'off' | 'info';

/** Colours chosen for contrast ≥ 4.5:1 of text on its background (axe color-contrast). */
const TONE_CLASS: Record<Tone, string> = {
  good: 'border-emerald-300 bg-emerald-50 text-emerald-900',
  wait: 'border-amber-300 bg-amber-50 text-amber-900',
  bad: 'border-red-300 bg-red-50 text-red-900',
  off: 'border-slate-300 bg-slate-100 text-slate-800',
  info: 'border-sky-300 bg-sky-50 text-sky-900',
};

/** One icon per tone, so colour is never the only sign. */
const TONE_ICON: Record<Tone, string> = {
  good: 'M3.5 8.5l3 3 6-7', // check
  wait: 'M8 4v4l2.5 2.5M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13', // clock
  bad: 'M4 4l8 8M12 4l-8 8', // cross
  off: 'M3.5 8h9', // dash
  info: 'M8 7v5M8 4.2v.1', // i
};

type EvseStatus = (typeof EVSE_STATUSES)[number];
type Availability = (typeof AVAILABILITIES)[number];

/** Every status the portal shows, by kind; the value is the API's word. */
export type BadgeStatus =
  | { kind: 'station'; value: EvseStatus }
  | { kind: 'availability'; value: Availability; sync?: AvailabilitySync | null }
  | { kind: 'availabilitySync'; value: AvailabilitySync }
  | { kind: 'configurationSync'; value: ConfigurationSync }
  | { kind: 'connection'; value: Connection }
  | { kind: 'commissioning'; value: (typeof COMMISSIONING_STATUSES)[number] }
  | { kind: 'apiKey'; value: KeyStatus }
  | { kind: 'testRun'; value: (typeof TEST_RUN_STATUSES)[number] }
  | { kind: 'testStep'; value: (typeof TEST_STEP_STATUSES)[number] }
  | { kind: 'command'; value: (typeof STATION_COMMAND_STATUSES)[number] }
  | { kind: 'import'; value: (typeof IMPORT_STATUSES)[number] }
  | { kind: 'delivery'; value: (typeof WEBHOOK_DELIVERY_STATUSES)[number] };

const STATION_TONE: Record<EvseStatus, Tone> = {
  AVAILABLE: 'good',
  CHARGING: 'info',
  RESERVED: 'info',
  BLOCKED: 'wait',
  PLANNED: 'off',
  INOPERATIVE: 'off',
  REMOVED: 'off',
  UNKNOWN: 'off',
  OUTOFORDER: 'bad',
};

const SYNC_TONE: Record<AvailabilitySync | ConfigurationSync, Tone> = {
  APPLIED: 'good',
  PENDING: 'wait',
  SCHEDULED: 'wait',
  OFFLINE: 'wait',
  REBOOT_REQUIRED: 'wait',
  REJECTED: 'bad',
  NOT_SUPPORTED: 'bad',
};

const PLAIN_TONE: Record<string, Tone> = {
  // connection
  CONNECTED: 'good',
  SILENT: 'wait',
  NEVER: 'off',
  // commissioning
  NEW: 'off',
  LINKED: 'info',
  TESTED: 'info',
  COMMISSIONED: 'good',
  // API keys
  Active: 'good',
  Expired: 'off',
  Revoked: 'bad',
  // runs, steps, commands, imports, deliveries
  RUNNING: 'info',
  QUEUED: 'wait',
  SENT: 'wait',
  PASSED: 'good',
  ACCEPTED: 'good',
  SUCCEEDED: 'good',
  SKIPPED: 'off',
  FAILED: 'bad',
  REJECTED: 'bad',
  TIMED_OUT: 'bad',
  PENDING: 'wait',
  OFFLINE: 'bad',
};

/** The tone of a status: what a glance at the badge should tell. */
export function toneOf(status: BadgeStatus): Tone {
  switch (status.kind) {
    case 'station':
      return STATION_TONE[status.value];
    case 'availability':
      if (status.sync && status.sync !== 'APPLIED') return SYNC_TONE[status.sync];
      return status.value === 'OPERATIVE' ? 'good' : 'off';
    case 'availabilitySync':
    case 'configurationSync':
      return SYNC_TONE[status.value];
    default:
      return PLAIN_TONE[status.value] ?? 'off';
  }
}

/**
 * The one status badge of the portal: colour, icon and words, for every kind of status. The
 * words come from the `Status` messages; `data-status` carries the API value for tests and styles.
 */
export function StatusBadge({ status, testId, title }: { status: BadgeStatus; testId?: string; title?: string }) {
  const t = useTranslations('Status');
  const tone = toneOf(status);
  const words =
    status.kind === 'availability' && status.sync && status.sync !== 'APPLIED'
      ? t('availabilityWithSync', { availability: t(`availability.${status.value}`), sync: t(`availabilitySyncSuffix.${status.sync}`) })
      : t(`${status.kind}.${status.value}` as never);
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium ${TONE_CLASS[tone]}`}
      data-testid={testId}
      data-status-kind={status.kind}
      data-status={status.value}
      data-tone={tone}
      title={title}
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 16 16"
        className="h-3 w-3 shrink-0"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      >
        <path d={TONE_ICON[tone]} />
      </svg>
      {words}
    </span>
  );
}
