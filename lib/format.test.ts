import { describe, expect, it } from 'vitest';
import { formatNumber, formatTimestamp } from './format';

describe('formatTimestamp', () => {
  it('shows minutes in UTC, in the language asked for', () => {
    expect(formatTimestamp('2026-11-25T14:05:59.123Z')).toBe('25 Nov 2026, 14:05');
    expect(formatTimestamp(new Date('2026-11-25T14:05:00+02:00'), 'en')).toBe('25 Nov 2026, 12:05');
    expect(formatTimestamp('2026-03-01T08:00:00Z', 'nl')).toBe('1 mrt 2026, 08:00');
  });

  it('shows the empty text for no value', () => {
    expect(formatTimestamp(null)).toBe('—');
    expect(formatTimestamp(undefined, 'en', 'Never')).toBe('Never');
  });
});

describe('formatNumber', () => {
  it('groups and marks decimals per language', () => {
    expect(formatNumber(12345.5, 'en')).toBe('12,345.5');
    expect(formatNumber(12345.5, 'nl')).toBe('12.345,5');
  });
});
