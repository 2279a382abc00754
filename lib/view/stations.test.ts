import { describe, expect, it } from 'vitest';
import { connectionOf, relativeAge, stationTab } from './stations';

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

describe('relativeAge', () => {
  it('reads like speech, from seconds to days', () => {
    expect(relativeAge(ago(2_000), now)).toEqual({ key: 'justNow', count: 0 });
    expect(relativeAge(ago(-3_000), now)).toEqual({ key: 'justNow', count: 0 });
    expect(relativeAge(ago(12_000), now)).toEqual({ key: 'secondsAgo', count: 12 });
    expect(relativeAge(ago(5 * 60_000), now)).toEqual({ key: 'minutesAgo', count: 5 });
    expect(relativeAge(ago(3 * 3_600_000), now)).toEqual({ key: 'hoursAgo', count: 3 });
    expect(relativeAge(ago(4 * 86_400_000), now)).toEqual({ key: 'daysAgo', count: 4 });
  });
});

describe('station view', () => {
  it('keeps the tabs of old links and falls back to the overview for an unknown tab', () => {
    for (const tab of ['configuration', 'messages', 'commands', 'evses', 'history']) expect(stationTab(tab)).toBe(tab);
    expect(stationTab(['messages', 'x'])).toBe('overview');
    expect(stationTab('nope')).toBe('overview');
    expect(stationTab(undefined)).toBe('overview');
  });
});
