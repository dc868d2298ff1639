import { describe, expect, it } from 'vitest';
import { FeedError } from './errors';
import { parseStationStatus } from './parse-station-status';

const FETCHED_AT = Date.UTC(2024, 8, 9, 10, 0, 0);
const FEED_UPDATED_S = FETCHED_AT / 1000 - 20;
const REPORTED_S = FETCHED_AT / 1000 - 10;
const context = { systemId: 'oslo', fetchedAt: FETCHED_AT };

function file(stations: unknown[], lastUpdated: unknown = FEED_UPDATED_S) {
  return { last_updated: lastUpdated, ttl: 15, version: '2.3', data: { stations } };
}

function station(overrides: Record<string, unknown> = {}) {
  return {
    station_id: '377',
    num_bikes_available: 5,
    num_docks_available: 10,
    is_installed: true,
    is_renting: true,
    is_returning: true,
    last_reported: REPORTED_S,
    ...overrides,
  };
}

function parseOne(overrides: Record<string, unknown>) {
  return parseStationStatus(file([station(overrides)]), context);
}

describe('parseStationStatus', () => {
  it('reads a plain 2.x station into bikes, docks, flags and report time', () => {
    const snapshot = parseStationStatus(file([station()]), context);

    expect(snapshot.lastUpdated).toBe(FEED_UPDATED_S * 1000);
    expect(snapshot.ttl).toBe(15);
    expect(snapshot.rejected).toEqual([]);
    expect(snapshot.items).toEqual([
      {
        systemId: 'oslo',
        stationId: '377',
        reportedAt: REPORTED_S * 1000,
        bikes: 5,
        ebikes: null,
        docks: 10,
        isInstalled: true,
        isRenting: true,
        isReturning: true,
      },
    ]);
  });

  it('understands GBFS 1.x integer booleans (1 open, 0 closed)', () => {
    const { items } = parseStationStatus(
      file([station({ station_id: 'open', is_installed: 1, is_renting: 1, is_returning: 1 }), station({ station_id: 'closed', is_installed: 1, is_renting: 0, is_returning: 0 })]),
      context,
    );

    expect(items.map((item) => [item.stationId, item.isInstalled, item.isRenting, item.isReturning])).toEqual([
      ['open', true, true, true],
      ['closed', true, false, false],
    ]);
  });

  it('counts e-bikes from a 2.3 vehicle_types_available list', () => {
    const { items } = parseOne({
      num_bikes_available: 7,
      vehicle_types_available: [
        { vehicle_type_id: 'bike', count: 4 },
        { vehicle_type_id: 'ebike', count: 3 },
      ],
    });

    expect(items[0]).toMatchObject({ bikes: 7, ebikes: 3 });
  });

  it('uses the e-bike type ids from vehicle_types.json rather than guessing from names', () => {
    const { items } = parseStationStatus(
      file([
        station({
          num_bikes_available: 6,
          vehicle_types_available: [
            { vehicle_type_id: 'type-a', count: 2 },
            { vehicle_type_id: 'ebike', count: 4 },
          ],
        }),
      ]),
      { ...context, ebikeTypeIds: new Set(['type-a']) },
    );

    expect(items[0]?.ebikes).toBe(2);
  });

  it('reads num_ebikes_available when the feed gives it directly', () => {
    expect(parseOne({ num_bikes_available: 8, num_ebikes_available: 2 }).items[0]).toMatchObject({ bikes: 8, ebikes: 2 });
  });

  it('takes bikes from num_vehicles_available and vehicle types when num_bikes_available is absent (3.0)', () => {
    const { items } = parseOne({
      num_bikes_available: undefined,
      num_vehicles_available: 9,
      vehicle_types_available: [
        { vehicle_type_id: 'bike', count: 6 },
        { vehicle_type_id: 'ebike', count: 3 },
      ],
    });

    expect(items[0]).toMatchObject({ bikes: 9, ebikes: 3 });
  });

  it('leaves docks unknown (null), not zero, when num_docks_available is missing', () => {
    const { items, rejected } = parseOne({ num_docks_available: undefined });

    expect(rejected).toEqual([]);
    expect(items[0]?.docks).toBeNull();
  });

  it.each([
    ['negative bikes', { num_bikes_available: -1 }, /num_bikes_available/],
    ['absurd bikes', { num_bikes_available: 10_001 }, /num_bikes_available/],
    ['negative docks', { num_docks_available: -3 }, /num_docks_available/],
    ['absurd docks', { num_docks_available: 250_000 }, /num_docks_available/],
    ['fractional bikes', { num_bikes_available: 2.5 }, /num_bikes_available/],
  ])('rejects a station with %s and still uses the rest of the snapshot', (_label, overrides, reason) => {
    const { items, rejected } = parseStationStatus(
      file([station({ station_id: 'good-1' }), station({ station_id: 'bad', ...overrides }), station({ station_id: 'good-2' })]),
      context,
    );

    expect(items.map((item) => item.stationId)).toEqual(['good-1', 'good-2']);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ feed: 'station_status', stationId: 'bad' });
    expect(rejected[0]?.reason).toMatch(reason);
  });

  it('accepts the largest plausible count, 10000', () => {
    expect(parseOne({ num_docks_available: 10_000 }).items[0]?.docks).toBe(10_000);
  });

  it('rejects a station that claims more e-bikes than bikes', () => {
    const { items, rejected } = parseOne({ num_bikes_available: 2, num_ebikes_available: 5 });

    expect(items).toEqual([]);
    expect(rejected[0]?.reason).toBe('more e-bikes (5) than bikes (2)');
  });

  it('rejects a station with no bike count of any kind', () => {
    const { items, rejected } = parseOne({ num_bikes_available: undefined });

    expect(items).toEqual([]);
    expect(rejected[0]?.reason).toBe('no bike count');
  });

  it('rejects a second row for the same station instead of counting its bikes twice', () => {
    const { items, rejected } = parseStationStatus(file([station({ num_bikes_available: 1 }), station({ station_id: 377, num_bikes_available: 9 })]), context);

    expect(items).toHaveLength(1);
    expect(items[0]?.bikes).toBe(1);
    expect(rejected[0]?.reason).toBe('duplicate station_id');
  });

  it.each([
    ['0 (1970)', 0],
    ['a day after 1970', 86_400],
    ['two days in the future', FETCHED_AT / 1000 + 2 * 86_400],
    ['milliseconds instead of seconds', FETCHED_AT],
  ])("falls back to the feed's last_updated when last_reported is %s", (_label, lastReported) => {
    expect(parseOne({ last_reported: lastReported }).items[0]?.reportedAt).toBe(FEED_UPDATED_S * 1000);
  });

  it("uses the feed's last_updated when last_reported is missing", () => {
    expect(parseOne({ last_reported: undefined }).items[0]?.reportedAt).toBe(FEED_UPDATED_S * 1000);
  });

  it('reads RFC 3339 times with an offset (GBFS 3.0)', () => {
    const snapshot = parseStationStatus(
      file([station({ last_reported: '2024-09-09T11:59:50+02:00' })], '2024-09-09T09:59:40Z'),
      context,
    );

    expect(snapshot.lastUpdated).toBe(Date.UTC(2024, 8, 9, 9, 59, 40));
    expect(snapshot.items[0]?.reportedAt).toBe(Date.UTC(2024, 8, 9, 9, 59, 50));
  });

  it('reads counts, ids and times sent as strings', () => {
    const { items, rejected } = parseStationStatus(
      file(
        [station({ num_bikes_available: '4', num_docks_available: '11', num_ebikes_available: '1', is_renting: 'false', last_reported: String(REPORTED_S) })],
        String(FEED_UPDATED_S),
      ),
      context,
    );

    expect(rejected).toEqual([]);
    expect(items[0]).toMatchObject({ bikes: 4, docks: 11, ebikes: 1, isRenting: false, reportedAt: REPORTED_S * 1000 });
  });

  it('rejects a count that is a word rather than a number', () => {
    expect(parseOne({ num_bikes_available: 'five' }).rejected[0]?.reason).toMatch(/num_bikes_available/);
  });

  it('throws a FeedError when the envelope is broken, so the whole file is skipped', () => {
    expect(() => parseStationStatus({ data: { stations: [] } }, context)).toThrow(FeedError);
    expect(() => parseStationStatus(file([]).data, context)).toThrow(/^station_status: /);
  });
});
