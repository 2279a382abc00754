import { describe, expect, it } from 'vitest';
import { formatTimestamp } from './format';

describe('formatTimestamp', () => {
  it('shows UTC to the minute, the same for strings and dates', () => {
    expect(formatTimestamp('2026-11-25T14:05:59.123Z')).toBe('2026-11-25 14:05');
    expect(formatTimestamp(new Date('2026-11-25T14:05:00+02:00'))).toBe('2026-11-25 12:05');
  });

  it('shows a placeholder for no value', () => {
    expect(formatTimestamp(null)).toBe('—');
    expect(formatTimestamp(undefined, 'Never')).toBe('Never');
  });
});
