import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StationStatusMessage } from '../../lib/kafka/messages';
import { storeStationStatuses } from '../../lib/queries/ingest-status';
import { getStationDayStats } from '../../lib/queries/station-day';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const OSLO = 'Europe/Oslo';

type State = Pick<StationStatusMessage, 'bikes' | 'docks'> & Partial<Pick<StationStatusMessage, 'isInstalled' | 'isRenting'>>;

function report(stationId: string, at: string, state: State): StationStatusMessage {
  return {
    systemId: 'oslo',
    stationId,
    reportedAt: new Date(at),
    ebikes: null,
    isInstalled: true,
    isRenting: true,
    isReturning: true,
    ...state,
  };
}

describe('minutes empty and full today', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    await storeStationStatuses(database.db, [
      // A hand-built Tuesday in Oslo (UTC+2); "now" is 12:00 local.
      report('day', '2024-09-08T10:00:00+02:00', { bikes: 4, docks: 6 }),
      report('day', '2024-09-09T22:00:00+02:00', { bikes: 0, docks: 10 }), // in force at midnight: empty 00:00–01:30
      report('day', '2024-09-10T01:30:00+02:00', { bikes: 3, docks: 7 }),
      report('day', '2024-09-10T03:00:00+02:00', { bikes: 10, docks: 0 }), // full 03:00–04:15
      report('day', '2024-09-10T04:15:00+02:00', { bikes: 0, docks: 10, isRenting: false }), // not renting: not empty
      report('day', '2024-09-10T05:00:00+02:00', { bikes: 0, docks: 10 }), // empty 05:00–06:00
      report('day', '2024-09-10T06:00:00+02:00', { bikes: 0, docks: 0, isInstalled: false }), // out of service: neither
      report('day', '2024-09-10T07:00:00+02:00', { bikes: 5, docks: 5 }),
      report('day', '2024-09-10T11:30:00+02:00', { bikes: 10, docks: 0 }), // full until now: 30 min
      report('day', '2024-09-10T13:00:00+02:00', { bikes: 0, docks: 10 }), // after now: ignored
      report('other', '2024-09-10T00:00:00+02:00', { bikes: 0, docks: 10 }),
      // First report in the afternoon: nothing is known before it.
      report('late', '2024-09-10T11:00:00+02:00', { bikes: 0, docks: 12 }),
      // The night clocks went back (2024-10-27): local 00:00–03:00 lasted four hours.
      report('dst', '2024-10-26T23:00:00+02:00', { bikes: 0, docks: 8 }),
      report('dst', '2024-10-27T03:00:00+01:00', { bikes: 2, docks: 6 }),
    ]);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('adds up how long each report held, from the report in force at midnight until now', async () => {
    const stats = await getStationDayStats(database.db, 'oslo', 'day', OSLO, new Date('2024-09-10T12:00:00+02:00'));
    expect(stats.minutesEmpty).toBeCloseTo(90 + 60, 6);
    expect(stats.minutesFull).toBeCloseTo(75 + 30, 6);
    expect(stats.since).toEqual(new Date('2024-09-10T00:00:00+02:00'));
  });

  it('counts a state held at midnight only from midnight, and a state in progress only until now', async () => {
    const stats = await getStationDayStats(database.db, 'oslo', 'day', OSLO, new Date('2024-09-10T00:45:00+02:00'));
    expect(stats.minutesEmpty).toBeCloseTo(45, 6);
    expect(stats.minutesFull).toBe(0);
  });

  it('takes "today" in the given time zone', async () => {
    // 23:30 UTC on the 9th is already the 10th in Oslo, still the 9th in New York.
    const now = new Date('2024-09-09T23:30:00Z');
    const oslo = await getStationDayStats(database.db, 'oslo', 'day', OSLO, now);
    const newYork = await getStationDayStats(database.db, 'oslo', 'day', 'America/New_York', now);
    expect(oslo.since).toEqual(new Date('2024-09-10T00:00:00+02:00'));
    expect(oslo.minutesEmpty).toBeCloseTo(90, 6);
    expect(newYork.since).toEqual(new Date('2024-09-09T00:00:00-04:00'));
    expect(newYork.minutesEmpty).toBeCloseTo(210, 6); // empty from 20:00 UTC (16:00 in New York)
  });

  it('starts at the first report when the station has no earlier history', async () => {
    const stats = await getStationDayStats(database.db, 'oslo', 'late', OSLO, new Date('2024-09-10T12:00:00+02:00'));
    expect(stats.since).toEqual(new Date('2024-09-10T11:00:00+02:00'));
    expect(stats.minutesEmpty).toBeCloseTo(60, 6);
  });

  it('measures real elapsed time on the day the clocks go back', async () => {
    const stats = await getStationDayStats(database.db, 'oslo', 'dst', OSLO, new Date('2024-10-27T12:00:00+01:00'));
    expect(stats.since).toEqual(new Date('2024-10-27T00:00:00+02:00'));
    expect(stats.minutesEmpty).toBeCloseTo(240, 6);
  });

  it('gives zeros for a station with no reports', async () => {
    const stats = await getStationDayStats(database.db, 'oslo', 'missing', OSLO, new Date('2024-09-10T12:00:00+02:00'));
    expect(stats).toEqual({ minutesEmpty: 0, minutesFull: 0, since: new Date('2024-09-10T00:00:00+02:00') });
  });
});
