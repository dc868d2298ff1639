import { describe, expect, it } from 'vitest';
import { formatAge, formatClock } from './format-time';

describe('formatClock', () => {
  it("shows the system's local time, whatever the reader's", () => {
    expect(formatClock('2026-07-01T10:03:15Z', 'Europe/Oslo')).toBe('12:03:15');
    expect(formatClock('2026-01-01T23:59:59Z', 'America/Chicago')).toBe('17:59:59');
  });

  it('falls back to UTC for a timezone name the runtime does not know', () => {
    expect(formatClock('2026-07-01T10:03:15Z', 'Not/AZone')).toBe('10:03:15');
  });
});

describe('formatAge', () => {
  it('picks the largest whole unit', () => {
    expect([0, 4.4, 59, 60, 3599, 3600, 86_400 * 3].map(formatAge)).toEqual(['0 s', '4 s', '59 s', '1 min', '59 min', '1 h', '3 d']);
  });
});
