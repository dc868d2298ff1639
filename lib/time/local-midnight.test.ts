import { describe, expect, it } from 'vitest';
import { localMidnight } from './local-midnight';

describe('localMidnight', () => {
  it('finds midnight in Oslo in winter (UTC+1) and in summer (UTC+2)', () => {
    expect(localMidnight(new Date('2026-12-07T15:30:00Z'), 'Europe/Oslo').toISOString()).toBe('2026-12-06T23:00:00.000Z');
    expect(localMidnight(new Date('2026-07-01T00:30:00Z'), 'Europe/Oslo').toISOString()).toBe('2026-06-30T22:00:00.000Z');
  });

  it('keeps midnight\'s own offset on the day summer time begins', () => {
    expect(localMidnight(new Date('2026-03-29T12:00:00Z'), 'Europe/Oslo').toISOString()).toBe('2026-03-28T23:00:00.000Z');
  });

  it('works west of UTC and in half-hour zones', () => {
    expect(localMidnight(new Date('2026-12-07T03:00:00Z'), 'America/New_York').toISOString()).toBe('2026-12-06T05:00:00.000Z');
    expect(localMidnight(new Date('2026-12-07T20:00:00Z'), 'Asia/Kolkata').toISOString()).toBe('2026-12-07T18:30:00.000Z');
  });
});
