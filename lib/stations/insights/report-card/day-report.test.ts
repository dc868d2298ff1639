import { describe, expect, it } from 'vitest';
import { reportDay } from './day-report';
import type { CausedChange, DayInput, ReportForCard } from './types';

const HOUR = 3_600_000;
// A winter day in Oslo (UTC+1): local midnight is 23:00 UTC the day before.
const MIDNIGHT = Date.parse('2026-12-07T23:00:00Z');
const at = (hours: number) => new Date(MIDNIGHT + hours * HOUR);

const report = (stationId: string, hours: number, bikes: number, docks: number, inService = true): ReportForCard => ({
  stationId, reportedAt: at(hours), bikes, docks, isInstalled: true, isRenting: inService, isReturning: inService,
});
const change = (stationId: string, hours: number, delta: number, cause: CausedChange['cause']): CausedChange => ({ stationId, reportedAt: at(hours), delta, cause });

const day = (reports: ReportForCard[], changes: CausedChange[] = []): DayInput => ({
  dayStart: at(0), dayEnd: at(24), daytimeStart: at(7), daytimeEnd: at(22), reports, changes,
});

describe('reportDay', () => {
  it('counts time empty and full from the report in force, including the one from before midnight', () => {
    const [card] = reportDay(day([report('a', -3, 0, 10), report('a', 2, 4, 6), report('a', 10, 10, 0), report('a', 12, 3, 7)]));
    expect(card?.emptySeconds).toBe(2 * 3600);
    expect(card?.fullSeconds).toBe(2 * 3600);
    expect(card?.observedSeconds).toBe(24 * 3600);
  });

  it('finds the longest empty spell across several reports and ignores a closed station', () => {
    const reports = [report('a', 0, 2, 8), report('a', 8, 0, 10), report('a', 9, 0, 10), report('a', 11, 1, 9), report('a', 13, 0, 10), report('a', 14, 0, 10, false)];
    const [card] = reportDay(day(reports));
    expect(card?.longestEmptySeconds).toBe(3 * 3600);
    expect(card?.emptySeconds).toBe(4 * 3600);
  });

  it('measures the usable share of daytime only between 07 and 22 local', () => {
    const [card] = reportDay(day([report('a', 0, 0, 10), report('a', 12, 5, 5)]));
    expect(card?.daytimeSeconds).toBe(15 * 3600);
    expect(card?.usableDaytimeSeconds).toBe(10 * 3600);
  });

  it('adds up riders, trucks and glitches by cause', () => {
    const changes = [change('a', 8, -2, 'riders'), change('a', 9, 1, 'riders'), change('a', 3, 8, 'rebalancing'), change('a', 4, -5, 'rebalancing'), change('a', 10, -7, 'glitch')];
    const [card] = reportDay(day([report('a', 0, 5, 5)], changes));
    expect(card).toMatchObject({ rentals: 2, returns: 1, truckIn: 8, truckOut: 5, glitches: 1 });
  });

  it('does not count a state only a feed glitch produced (0 bikes and 0 docks, then back) as empty or full', () => {
    const reports = [report('a', 0, 7, 13), report('a', 9, 0, 0), report('a', 10, 7, 13)];
    const [card] = reportDay(day(reports, [change('a', 9, -7, 'glitch'), change('a', 10, 7, 'glitch')]));
    expect(card).toMatchObject({ emptySeconds: 0, fullSeconds: 0, observedSeconds: 23 * 3600, glitches: 2 });
    expect(card?.daytimeSeconds).toBe(14 * 3600);
  });

  it('calls a station silent when riders kept the system busy for 3+ daytime hours and never touched it', () => {
    const busy = Array.from({ length: 30 }, (_, i) => change('b', 7 + i / 2, i % 2 ? 1 : -1, 'riders'));
    const reports = [report('a', 0, 5, 5), report('b', 0, 5, 5)];
    const [a] = reportDay(day(reports, [...busy, change('a', 12, -1, 'riders')]));
    // a is silent 07-12 and 12-22 (5 h + 10 h): b's riders kept the system busy throughout.
    expect(a?.stationId).toBe('a');
    expect(a?.silentSeconds).toBe(15 * 3600);
    const [quiet] = reportDay(day([report('a', 0, 5, 5), report('b', 0, 5, 5)], [change('b', 8, -1, 'riders')]));
    expect(quiet?.silentSeconds).toBe(0);
  });
});
