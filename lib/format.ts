/** A timestamp as the portal shows it everywhere: `2026-11-25 14:05` (UTC, minute precision). */
export function formatTimestamp(value: string | Date | null | undefined, empty = '—'): string {
  if (!value) return empty;
  return (typeof value === 'string' ? new Date(value) : value).toISOString().slice(0, 16).replace('T', ' ');
}
