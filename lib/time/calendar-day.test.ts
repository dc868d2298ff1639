import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from './calendar-day';

describe('calendar days', () => {
  it('crosses months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  it('lists the days between two, inclusive, and none when reversed', () => {
    expect(daysBetween('2026-10-24', '2026-10-26')).toEqual(['2026-10-24', '2026-10-25', '2026-10-26']);
    expect(daysBetween('2026-10-26', '2026-10-24')).toEqual([]);
  });
});
