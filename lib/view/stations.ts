/** A station counts as offline when not connected or silent this long (a few missed heartbeats). */
export const SILENT_AFTER_MS = 15 * 60_000;

/** How the portal tells a station's connection: the socket, and whether it has been heard lately. */
export type Connection = 'CONNECTED' | 'SILENT' | 'OFFLINE' | 'NEVER';

export function connectionOf(station: { connected: boolean; last_heartbeat_at: string | null }, now: number = Date.now()): Connection {
  if (!station.last_heartbeat_at) return station.connected ? 'CONNECTED' : 'NEVER';
  if (!station.connected) return 'OFFLINE';
  return now - Date.parse(station.last_heartbeat_at) > SILENT_AFTER_MS ? 'SILENT' : 'CONNECTED';
}

/** How long ago, as a key of the `Live` messages and its count: "12 s ago", "5 min ago", "3 h ago", "4 days ago". */
export type RelativeAge = { key: 'justNow' | 'secondsAgo' | 'minutesAgo' | 'hoursAgo' | 'daysAgo'; count: number };

/** "just now" under 5 s (and for a clock slightly ahead); hours up to two days, then days. */
export function relativeAge(at: string, now: number = Date.now()): RelativeAge {
  const seconds = Math.round((now - Date.parse(at)) / 1000);
  if (seconds < 5) return { key: 'justNow', count: 0 };
  if (seconds < 60) return { key: 'secondsAgo', count: seconds };
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return { key: 'minutesAgo', count: minutes };
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return { key: 'hoursAgo', count: hours };
  return { key: 'daysAgo', count: Math.floor(hours / 24) };
}

/** The station page's sections (`?tab=`), in the order of its tab bar; the labels are `StationTabs` messages. */
export const STATION_TABS = [
  'overview',
  'evses',
  'configuration',
  'maintenance',
  'notes',
  'tests',
  'messages',
  'commands',
  'history',
] as const;
export type StationTab = (typeof STATION_TABS)[number];

/** The tab a `?tab=` value names; anything else is the overview. */
export function stationTab(value: string | string[] | undefined): StationTab {
  return STATION_TABS.find((tab) => tab === value) ?? 'overview';
}

/** How long ago a station must have been heard to count as "just connected" in the installer view. */
export const RECENTLY_HEARD_MS = 60 * 60_000;

/** A JSON value on one line for a table cell (payloads and answers), cut to `max` characters. */
export function compactJson(value: unknown, max = 80): string {
  const text = value === null || value === undefined ? '' : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
