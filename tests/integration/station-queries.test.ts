import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StationStatusMessage } from '../../lib/kafka/messages';
import { upsertStationInformation } from '../../lib/queries/ingest';
import { storeStationStatuses } from '../../lib/queries/ingest-status';
import { getStationHistory, MAX_HISTORY_POINTS } from '../../lib/queries/history';
import { getStation, listStationStatus } from '../../lib/queries/stations';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const SYSTEM = 'queries';
const MINUTE = 60_000;
const FIRST = Date.parse('2026-03-01T00:00:00Z');

function report(stationId: string, at: number, bikes: number, flags: Partial<StationStatusMessage> = {}): StationStatusMessage {
  return { systemId: SYSTEM, stationId, reportedAt: new Date(at), bikes, ebikes: null, docks: 10 - bikes, isInstalled: true, isRenting: true, isReturning: true, ...flags };
}

describe('station list and history queries', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    const seenAt = new Date(FIRST);
    await upsertStationInformation(database.db, [
      { systemId: SYSTEM, stationId: 's2', name: 'Bislett', address: 'Pilestredet 52', lat: 59.925, lon: 10.732, capacity: 10, seenAt },
      { systemId: SYSTEM, stationId: 's1', name: 'Aker brygge', address: null, lat: 59.91, lon: 10.726, capacity: 10, seenAt },
      { systemId: SYSTEM, stationId: 's3', name: 'Bislett', address: null, lat: 59.926, lon: 10.733, capacity: null, seenAt },
      { systemId: SYSTEM, stationId: 'quiet', name: 'Never reported', address: null, lat: 59.9, lon: 10.7, capacity: 10, seenAt },
    ]);
    const history = Array.from({ length: MAX_HISTORY_POINTS + 10 }, (_, minute) => report('s1', FIRST + minute * MINUTE, minute % 11));
    await storeStationStatuses(database.db, [...history, report('s2', FIRST + 5 * MINUTE, 3, { isRenting: false }), report('s3', FIRST + 7 * MINUTE, 0), report('bare', FIRST, 1)]);
    // The flags are nullable columns (a row can start from station_information); a null reads as true.
    await database.db.execute(sql`UPDATE stations SET is_renting = NULL WHERE station_id = 's3'`);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('lists the stations that have reported, by name and then station id, with their latest status; one station adds its address', async () => {
    const stations = await listStationStatus(database.db, SYSTEM);
    expect(stations.map((station) => station.stationId)).toEqual(['s1', 's2', 's3', 'bare']);
    expect(stations[1]).toEqual({
      stationId: 's2',
      name: 'Bislett',
      lat: 59.925,
      lon: 10.732,
      capacity: 10,
      bikes: 3,
      ebikes: null,
      docks: 7,
      isInstalled: true,
      isRenting: false,
      isReturning: true,
      reportedAt: new Date(FIRST + 5 * MINUTE),
    });
    expect(stations[0]?.reportedAt).toEqual(new Date(FIRST + (MAX_HISTORY_POINTS + 9) * MINUTE));
    expect(await getStation(database.db, SYSTEM, 'quiet')).toBeNull();
    expect(stations[2]?.isRenting).toBe(true);
    expect(stations[1]).not.toHaveProperty('address');
    expect(await getStation(database.db, SYSTEM, 's2')).toEqual({ ...stations[1], address: 'Pilestredet 52' });
    expect(await getStation(database.db, SYSTEM, 's3')).toEqual({ ...stations[2], address: null });
  });

  it('starts a range with the report in force at its start, oldest first', async () => {
    const points = await getStationHistory(database.db, SYSTEM, 's1', new Date(FIRST + 2.5 * MINUTE), new Date(FIRST + 5 * MINUTE));
    expect(points.map((point) => point.reportedAt.getTime())).toEqual([2, 3, 4, 5].map((minute) => FIRST + minute * MINUTE));
    expect(points[0]).toEqual({ reportedAt: new Date(FIRST + 2 * MINUTE), bikes: 2, ebikes: null, docks: 8, isInstalled: true, isRenting: true, isReturning: true });
    expect(await getStationHistory(database.db, SYSTEM, 's1', new Date(FIRST - MINUTE), new Date(FIRST - 1))).toEqual([]);
  });

  it('reads each report flag of the history on its own', async () => {
    const flags = [
      { isInstalled: false, isRenting: true, isReturning: true },
      { isInstalled: true, isRenting: false, isReturning: true },
      { isInstalled: true, isRenting: true, isReturning: false },
      { isInstalled: false, isRenting: false, isReturning: false },
    ];
    const system = 'queries-flags';
    await storeStationStatuses(database.db, flags.map((flag, minute) => ({ ...report('flags', FIRST + minute * MINUTE, minute, flag), systemId: system })));
    const points = await getStationHistory(database.db, system, 'flags', new Date(FIRST), new Date(FIRST + 3 * MINUTE));
    expect(points.map(({ isInstalled, isRenting, isReturning }) => ({ isInstalled, isRenting, isReturning }))).toEqual(flags);
  });

  it('keeps the newest points of a range longer than the limit, without the report before it', async () => {
    const to = new Date(FIRST + (MAX_HISTORY_POINTS + 9) * MINUTE);
    const full = await getStationHistory(database.db, SYSTEM, 's1', new Date(FIRST + 5.5 * MINUTE), to);
    expect(full).toHaveLength(MAX_HISTORY_POINTS);
    expect(full[0]?.reportedAt).toEqual(new Date(FIRST + 10 * MINUTE));
    expect(full.at(-1)?.reportedAt).toEqual(to);
    const oneShort = await getStationHistory(database.db, SYSTEM, 's1', new Date(FIRST + 10.5 * MINUTE), to);
    expect(oneShort).toHaveLength(MAX_HISTORY_POINTS);
    expect(oneShort[0]?.reportedAt).toEqual(new Date(FIRST + 10 * MINUTE));
  });

  it('reads names and ids with the characters COPY escapes exactly as they were stored', async () => {
    const system = 'queries-text';
    const stationId = 'a\\b';
    const name = 'Tab\there, new\nline, back\\slash \\N, carriage\r, \u0007 bell, \'quote\', Ørje 🚲';
    const seenAt = new Date(FIRST);
    const address = `${name}\n2nd line`;
    await upsertStationInformation(database.db, [{ systemId: system, stationId, name, address, lat: -0.5, lon: 1e-7, capacity: 0, seenAt }]);
    await storeStationStatuses(database.db, [{ ...report(stationId, FIRST, 0), systemId: system, ebikes: 0 }]);
    const [station] = await listStationStatus(database.db, system);
    expect(station).toMatchObject({ stationId, name, lat: -0.5, lon: 1e-7, capacity: 0, bikes: 0, ebikes: 0, docks: 10 });
    expect(await getStation(database.db, system, stationId)).toEqual({ ...station, address });
    expect(await listStationStatus(database.db, "queries' OR 'a' = 'a")).toEqual([]);
    expect(await getStationHistory(database.db, SYSTEM, "s1' OR 'a' = 'a", new Date(FIRST), new Date(FIRST + 5 * MINUTE))).toEqual([]);
  });
});
