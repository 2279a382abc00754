import { describe, expect, it } from 'vitest';
import { connectionOf, relativeTime, stationTab, syncTone } from './stations';

const now = Date.parse('2026-11-25T12:00:00Z');
const ago = (ms: number) => new Date(now - ms).toISOString();

describe('connectionOf', () => {
  it('tells connected, silent, offline and never connected apart', () => {
    expect(connectionOf({ connected: true, last_heartbeat_at: ago(30_000) }, now)).toBe('CONNECTED');
    expect(connectionOf({ connected: true, last_heartbeat_at: ago(16 * 60_000) }, now)).toBe('SILENT');
    expect(connectionOf({ connected: false, last_heartbeat_at: ago(30_000) }, now)).toBe('OFFLINE');
    expect(connectionOf({ connected: false, last_heartbeat_at: null }, now)).toBe('NEVER');
  });
});

describe('relativeTime', () => {
  it('reads like speech, from seconds to days', () => {
    expect(relativeTime(ago(2_000), now)).toBe('just now');
    expect(relativeTime(ago(-3_000), now)).toBe('just now');
    expect(relativeTime(ago(12_000), now)).toBe('12 s ago');
    expect(relativeTime(ago(5 * 60_000), now)).toBe('5 min ago');
    expect(relativeTime(ago(3 * 3_600_000), now)).toBe('3 h ago');
    expect(relativeTime(ago(4 * 86_400_000), now)).toBe('4 days ago');
  });
});

describe('station view', () => {
  it('falls back to the overview for an unknown tab', () => {
    expect(stationTab('messages')).toBe('messages');
    expect(stationTab(['messages', 'x'])).toBe('overview');
    expect(stationTab('nope')).toBe('overview');
  });

  it('colours sync states: applied good, refusals bad, the rest waiting', () => {
    expect(syncTone('APPLIED')).toBe('good');
    expect(syncTone('NOT_SUPPORTED')).toBe('bad');
    expect(syncTone('SCHEDULED')).toBe('wait');
  });
});
