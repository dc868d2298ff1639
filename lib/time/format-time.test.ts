import { describe, expect, it } from 'vitest';
import { formatAge, formatClock, formatMinutes, zoneName } from './format-time';

describe('formatClock', () => {
  it("shows the system's local time, whatever the reader's, labelled with its zone", () => {
    expect(formatClock('2026-07-01T10:03:15Z', 'Europe/Oslo')).toBe('12:03:15 CEST');
    expect(formatClock('2026-01-01T10:03:15Z', 'Europe/Oslo')).toBe('11:03:15 CET');
    expect(formatClock('2026-01-01T23:59:59Z', 'America/Chicago')).toBe('17:59:59 GMT-6');
  });

  it('keeps the 24-hour clock and the zone in Norwegian', () => {
    expect(formatClock('2026-07-01T10:03:15Z', 'Europe/Oslo', 'nb')).toBe('12:03:15 CEST');
    expect(formatClock('2026-01-01T10:03:15Z', 'Europe/Oslo', 'nb')).toBe('11:03:15 CET');
  });

  it('falls back to UTC, and says so, for a timezone name the runtime does not know', () => {
    expect(formatClock('2026-07-01T10:03:15Z', 'Not/AZone')).toBe('10:03:15 UTC');
  });
});

describe('zoneName', () => {
  it('names the zone as it was on that date', () => {
    expect(zoneName(new Date('2026-07-01T10:00:00Z'), 'Europe/Oslo')).toBe('CEST');
    expect(zoneName(new Date('2026-12-01T10:00:00Z'), 'Europe/Oslo')).toBe('CET');
    expect(zoneName(new Date('2026-12-01T10:00:00Z'), 'Not/AZone')).toBe('UTC');
  });
});

describe('formatAge', () => {
  it('picks the largest whole unit', () => {
    expect([0, 4.4, 59, 60, 3599, 3600, 86_400 * 3].map((seconds) => formatAge(seconds))).toEqual(['0 s', '4 s', '59 s', '1 min', '59 min', '1 h', '3 d']);
  });

  it('writes hours as t (timer) in Norwegian', () => {
    expect([59, 7200, 86_400 * 3].map((seconds) => formatAge(seconds, 'nb'))).toEqual(['59 s', '2 t', '3 d']);
  });
});

describe('formatMinutes', () => {
  it('counts minutes, then hours and minutes, in the reader\'s units', () => {
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(125)).toBe('2 h 05 min');
    expect(formatMinutes(125, 'nb')).toBe('2 t 05 min');
  });
});
