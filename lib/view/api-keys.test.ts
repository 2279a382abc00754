import { describe, expect, it } from 'vitest';
import { keyStatus, withStatus } from './api-keys';

const now = new Date('2026-03-01T12:00:00Z');

describe('keyStatus', () => {
  it('tells active, expired and revoked keys apart; revoked wins', () => {
    expect(keyStatus({ revoked_at: null, expires_at: null }, now)).toBe('Active');
    expect(keyStatus({ revoked_at: null, expires_at: '2026-03-02T00:00:00Z' }, now)).toBe('Active');
    expect(keyStatus({ revoked_at: null, expires_at: '2026-03-01T12:00:00Z' }, now)).toBe('Expired');
    expect(keyStatus({ revoked_at: '2026-02-01T00:00:00Z', expires_at: '2026-01-01T00:00:00Z' }, now)).toBe('Revoked');
  });

  it('adds the status to each key', () => {
    expect(withStatus([{ revoked_at: null, expires_at: null }], now)).toEqual([{ revoked_at: null, expires_at: null, status: 'Active' }]);
  });
});
