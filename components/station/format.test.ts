import { describe, expect, it } from 'vitest';
import { formatTime, formatWhen } from './format';

describe('times on the station page', () => {
  const now = new Date('2026-07-01T20:00:00Z');

  it('labels a time of day with the system’s zone as it was then', () => {
    expect(formatTime(new Date('2026-07-01T10:03:00Z'), 'Europe/Oslo')).toBe('12:03 CEST');
    expect(formatTime(new Date('2026-01-10T10:03:00Z'), 'Europe/Oslo')).toBe('11:03 CET');
  });

  it('adds the day for another day, and keeps the zone', () => {
    expect(formatWhen(new Date('2026-07-01T10:03:00Z'), 'Europe/Oslo', now)).toBe('12:03 CEST');
    expect(formatWhen(new Date('2026-06-29T10:03:00Z'), 'Europe/Oslo', now)).toBe('Mon 29 Jun, 12:03 CEST');
  });
});

describe('times on the station page in Norwegian', () => {
  const now = new Date('2026-07-01T20:00:00Z');

  it('words the day in Norwegian and keeps the 24-hour clock and the zone', () => {
    expect(formatTime(new Date('2026-07-01T10:03:00Z'), 'Europe/Oslo', 'nb')).toBe('12:03 CEST');
    expect(formatWhen(new Date('2026-06-29T10:03:00Z'), 'Europe/Oslo', now, 'nb')).toBe('man. 29. juni, 12:03 CEST');
  });
});
