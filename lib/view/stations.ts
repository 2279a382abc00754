import type {
  AvailabilitySync,
  ConfigurationSync,
  REGISTRATION_STATES,
  StationCommandKind,
  StationCommandStatus,
} from '@/lib/domain/vocabulary';

/** A station counts as offline when not connected or silent this long (a few missed heartbeats). */
export const SILENT_AFTER_MS = 15 * 60_000;

/** How the portal tells a station's connection: the socket, and whether it has been heard lately. */
export type Connection = 'CONNECTED' | 'SILENT' | 'OFFLINE' | 'NEVER';

export function connectionOf(station: { connected: boolean; last_heartbeat_at: string | null }, now: number = Date.now()): Connection {
  if (!station.last_heartbeat_at) return station.connected ? 'CONNECTED' : 'NEVER';
  if (!station.connected) return 'OFFLINE';
  return now - Date.parse(station.last_heartbeat_at) > SILENT_AFTER_MS ? 'SILENT' : 'CONNECTED';
}

export const CONNECTION_WORDS: Record<Connection, string> = {
  CONNECTED: 'Connected',
  SILENT: 'Connected, but silent for over 15 minutes',
  OFFLINE: 'Offline',
  NEVER: 'Never connected',
};

/** "12 s ago", "5 min ago", "3 h ago", "4 days ago"; "just now" under 5 s (and for a clock slightly ahead). */
export function relativeTime(at: string, now: number = Date.now()): string {
  const seconds = Math.round((now - Date.parse(at)) / 1000);
  if (seconds < 5) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

/** What an availability sync state means, in one line. */
export const AVAILABILITY_SYNC_MEANING: Record<AvailabilitySync, string> = {
  PENDING: 'Sent, waiting for the station.',
  APPLIED: 'The station confirmed it.',
  REJECTED: 'The station refused — check that no session is running and that the station supports it, then set it again.',
  SCHEDULED: 'Applies when the current session ends.',
  OFFLINE: 'Will be sent when the station connects.',
};

/** What a configuration key's sync state means, in one line. */
export const CONFIGURATION_SYNC_MEANING: Record<ConfigurationSync, string> = {
  PENDING: 'Sent, waiting for the station.',
  APPLIED: 'The station confirmed it.',
  REJECTED: 'The station refused — check the value’s format and range for this key.',
  REBOOT_REQUIRED: 'The station accepted it; it takes effect after a reset.',
  NOT_SUPPORTED: 'The station does not know this key — check its name, or remove it.',
  OFFLINE: 'Will be sent when the station connects.',
};

/** Colour of a sync state's dot: done, waiting, refused. */
export function syncTone(state: AvailabilitySync | ConfigurationSync): 'good' | 'wait' | 'bad' {
  if (state === 'APPLIED') return 'good';
  if (state === 'REJECTED' || state === 'NOT_SUPPORTED') return 'bad';
  return 'wait';
}

/** The drift line of a configuration key: what the station last reported when it differs from the desired value. */
export function driftMeaning(reported: string | null | undefined): string {
  return reported === null || reported === undefined ? 'The station reports no value for this key.' : `The station reports “${reported}”.`;
}

export const STATION_TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'configuration', label: 'Configuration' },
  { id: 'messages', label: 'OCPP messages' },
  { id: 'commands', label: 'Commands' },
] as const;
export type StationTab = (typeof STATION_TABS)[number]['id'];

/** The tab a `?tab=` value names; anything else is the overview. */
export function stationTab(value: string | string[] | undefined): StationTab {
  return STATION_TABS.find((tab) => tab.id === value)?.id ?? 'overview';
}

/** The commissioning steps as an installer reads them. */
export const TEST_STEP_LABELS: Record<string, string> = {
  connected: 'Connected',
  boot_accepted: 'Boot accepted',
  heartbeat: 'Heartbeat answered',
  connector_status: 'Connectors report, none faulted',
  configuration: 'Configuration matches',
  remote_start_stop: 'Remote start and stop',
};

/** How long ago a station must have been heard to count as "just connected" in the installer view. */
export const RECENTLY_HEARD_MS = 60 * 60_000;

/** What a command's status means, in one line. */
export const COMMAND_STATUS_MEANING: Record<StationCommandStatus, string> = {
  QUEUED: 'Waiting to be sent (the station is busy or not connected).',
  SENT: 'Sent, waiting for the answer.',
  ACCEPTED: 'The station accepted it.',
  REJECTED: 'The station refused it.',
  FAILED: 'Could not be carried out (an error answer, or the connection was lost).',
  TIMED_OUT: 'No answer in time, or not sent before it expired.',
};

export const COMMAND_KIND_LABELS: Record<StationCommandKind, string> = {
  sync_availability: 'Availability',
  sync_configuration: 'Configuration',
  get_configuration: 'Read configuration',
  provision_password: 'Password provisioning',
  reset: 'Reset',
  trigger_message: 'Trigger message',
  remote_start: 'Remote start',
  remote_stop: 'Remote stop',
};

/** A JSON value on one line for a table cell (payloads and answers), cut to `max` characters. */
export function compactJson(value: unknown, max = 80): string {
  const text = value === null || value === undefined ? '' : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export const REGISTRATION_WORDS: Record<(typeof REGISTRATION_STATES)[number], string> = {
  ACCEPTED: 'Accepted: it has a password of its own and takes commands',
  PENDING: 'Pending: no password of its own yet (link it to a location); it reports but takes no commands',
};
