import { describe, expect, it } from 'vitest';
import { chooseReportedAt, isPlausibleTime } from './timestamps';

const NOW = Date.UTC(2024, 8, 9, 10, 0, 0);
const HOUR = 3_600_000;

describe('isPlausibleTime', () => {
  it('accepts recent times and times up to an hour ahead of our clock', () => {
    expect(isPlausibleTime(NOW - 20_000, NOW)).toBe(true);
    expect(isPlausibleTime(NOW + HOUR, NOW)).toBe(true);
    expect(isPlausibleTime(Date.UTC(2000, 0, 1), NOW)).toBe(true);
  });

  it.each([
    ['missing', undefined],
    ['the epoch', 0],
    ['a day after the epoch', 86_400_000],
    ['just before 2000', Date.UTC(2000, 0, 1) - 1],
    ['just over an hour ahead', NOW + HOUR + 1],
    ['NaN', Number.NaN],
    ['infinite', Number.POSITIVE_INFINITY],
  ])('rejects a time that is %s', (_label, value) => {
    expect(isPlausibleTime(value, NOW)).toBe(false);
  });
});

describe('chooseReportedAt', () => {
  it("prefers the station's own report time, rounded down to whole seconds", () => {
    expect(chooseReportedAt(NOW - 10_400, NOW - 30_000, NOW)).toBe(NOW - 11_000);
  });

  it("uses the feed's last_updated when the station's time is near 1970", () => {
    expect(chooseReportedAt(0, NOW - 30_000, NOW)).toBe(NOW - 30_000);
  });

  it("uses the feed's last_updated when the station's time is far in the future", () => {
    expect(chooseReportedAt(NOW + 30 * 24 * HOUR, NOW - 30_000, NOW)).toBe(NOW - 30_000);
  });

  it("uses the feed's last_updated when the station gives no time", () => {
    expect(chooseReportedAt(undefined, NOW - 30_000, NOW)).toBe(NOW - 30_000);
  });

  it('never dates a report after the moment it was fetched, so a fast station clock cannot freeze it', () => {
    expect(chooseReportedAt(NOW + 20 * 60_000, NOW - 30_000, NOW)).toBe(NOW);
  });

  it('uses the fetch time when neither the station nor the feed has a believable time', () => {
    expect(chooseReportedAt(0, 0, NOW + 999)).toBe(NOW);
  });
});
