import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StationInformationMessage } from '../../lib/kafka/messages';
import { upsertStationInformation, upsertSystems } from '../../lib/queries/ingest';
import { storeStationStatuses } from '../../lib/queries/ingest-status';
import type { StationResponse } from '../../lib/api/station-api-types';
import type { StationsResponse, SystemsResponse } from '../../lib/api/api-types';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { getJson, startWeb, type RunningWeb } from '../support/web';

const SYSTEM = 'revcity';
const now = Date.now();
const t1 = new Date(now - 3 * 86_400_000);
const t2 = new Date(now - 86_400_000);

const station = (stationId: string, overrides: Partial<StationInformationMessage> = {}): StationInformationMessage => ({
  systemId: SYSTEM,
  stationId,
  name: `Station ${stationId}`,
  address: null,
  lat: 59.9127,
  lon: 10.7461,
  capacity: 20,
  seenAt: t1,
  ...overrides,
});

const first = [station('renamed', { name: 'Old Square' }), station('moved'), station('resized'), station('steady'), station('gone', { name: 'Vanished Quay' })];
// 0.001° north is 111 m; 0.002° is 222 m.
const second = [
  station('renamed', { name: 'New Square', seenAt: t2 }),
  station('moved', { lat: 59.9147, seenAt: t2 }),
  station('resized', { capacity: 24, seenAt: t2 }),
  station('steady', { seenAt: t2 }),
];

async function revisionCounts(database: TestDatabase): Promise<Record<string, number>> {
  const result = await database.db.execute<{ station_id: string; n: number }>(sql`SELECT station_id, count(*)::int AS n FROM station_revision WHERE system_id = ${SYSTEM} GROUP BY station_id`);
  return Object.fromEntries(result.rows.map((row) => [row.station_id, row.n]));
}

describe('station identity over time', () => {
  let database: TestDatabase;
  let web: RunningWeb;

  beforeAll(async () => {
    database = await createTestDatabase();
    const updated = new Date(now - 5_000);
    await upsertSystems(database.db, [
      { systemId: SYSTEM, name: 'Revision City', timezone: 'Europe/Oslo', language: 'en', operator: null, licenseUrl: null, feedUrl: 'http://127.0.0.1/gbfs.json', ttlSeconds: 15, simulated: true, statusUpdatedAt: updated, polledAt: new Date(now), gbfsVersion: '2.3', feedProblems: [] },
    ]);
    const statuses = first.map((info) => ({
      systemId: SYSTEM,
      stationId: info.stationId,
      // "gone" left the feed two hours ago; the rest reported with the feed's latest update.
      reportedAt: info.stationId === 'gone' ? new Date(now - 2 * 3600_000) : updated,
      bikes: 4,
      ebikes: 0,
      docks: 10,
      isInstalled: true,
      isRenting: true,
      isReturning: true,
    }));
    await database.db.transaction((tx) => storeStationStatuses(tx, statuses));
  });

  afterAll(async () => {
    await web?.stop();
    await database?.drop();
  });

  it('stores one revision per real change, however often the snapshots are redelivered or re-sent', async () => {
    await upsertStationInformation(database.db, first);
    await upsertStationInformation(database.db, second);
    expect(await revisionCounts(database)).toEqual({ renamed: 2, moved: 2, resized: 2, steady: 1, gone: 1 });

    // Redelivery of both snapshots, in one batch and out of order, then a heartbeat re-send of the second.
    await upsertStationInformation(database.db, [...second, ...first]);
    await upsertStationInformation(database.db, first);
    await upsertStationInformation(database.db, second.map((info) => ({ ...info, seenAt: new Date(now - 3600_000) })));
    // A late copy of the first snapshot, from between the two: it matches its own moment, not the newer history.
    await upsertStationInformation(database.db, first.map((info) => ({ ...info, seenAt: new Date(t1.getTime() + 3600_000) })));
    expect(await revisionCounts(database)).toEqual({ renamed: 2, moved: 2, resized: 2, steady: 1, gone: 1 });
  });

  it('keeps the station row at the newest revision even after a late copy of an older snapshot', async () => {
    const row = await database.db.execute<{ name: string; capacity: number }>(sql`SELECT name, capacity FROM stations WHERE system_id = ${SYSTEM} AND station_id IN ('renamed', 'resized') ORDER BY station_id`);
    expect(row.rows).toEqual([{ name: 'New Square', capacity: 20 }, { name: 'Station resized', capacity: 24 }]);
  });

  it('records a rename and its rename back as two more revisions, and keeps the station row current', async () => {
    const t3 = new Date(now - 1800_000);
    const t4 = new Date(now - 600_000);
    await upsertStationInformation(database.db, [station('steady', { name: 'Steady Renamed', seenAt: t3 }), station('steady', { seenAt: t4 })]);
    expect((await revisionCounts(database)).steady).toBe(3);
    const row = await database.db.execute<{ name: string }>(sql`SELECT name FROM stations WHERE system_id = ${SYSTEM} AND station_id = 'steady'`);
    expect(row.rows[0]?.name).toBe('Station steady');
  });

  describe('as the API and the station page show it', () => {
    beforeAll(async () => {
      web = await startWeb({ DATABASE_URL: database.url, KAFKA_BROKERS: '127.0.0.1:1', RATE_LIMIT_PER_MINUTE: '0' });
    });

    it('tells what changed, with the move in metres', async () => {
      const get = async (id: string) => (await getJson<StationResponse>(`${web.baseUrl}/api/stations/${SYSTEM}/${id}`)).body.history;
      expect((await get('renamed')).events).toEqual([{ kind: 'renamed', at: t2.toISOString(), from: 'Old Square', to: 'New Square' }]);
      expect((await get('moved')).events).toEqual([{ kind: 'moved', at: t2.toISOString(), meters: 222 }]);
      expect((await get('resized')).events).toEqual([{ kind: 'capacity', at: t2.toISOString(), from: 20, to: 24 }]);
      expect((await get('gone')).since).toBe(t1.toISOString());
    });

    it('shows the history block on the station page', async () => {
      const page = async (id: string) => (await (await fetch(`${web.baseUrl}/stations/${SYSTEM}/${id}`)).text()).replace(/<!-- -->/g, '');
      const html = await page('renamed');
      expect(html).toContain('data-testid="station-history"');
      expect(html).toMatch(/Renamed from Old Square on/);
      expect(html).toMatch(/<h1[^>]*>New Square<\/h1>/);
      expect(await page('moved')).toMatch(/Moved 222 m on/);
      expect(await page('resized')).toMatch(/Capacity 20 → 24 on/);
    });

    it('keeps a station that left the feed, with its history, marked as not reporting everywhere', async () => {
      const { body: stations } = await getJson<StationsResponse>(`${web.baseUrl}/api/stations?system=${SYSTEM}`);
      const reporting = Object.fromEntries(stations.stations.map((each) => [each.stationId, each.reporting]));
      expect(reporting).toEqual({ renamed: true, moved: true, resized: true, steady: true, gone: false });
      const { body: systems } = await getJson<SystemsResponse>(`${web.baseUrl}/api/systems`);
      expect(systems.systems[0]?.health).toMatchObject({ stationsReporting: 4, stationsNotReporting: 1 });
      const page = await (await fetch(`${web.baseUrl}/stations/${SYSTEM}/gone`)).text();
      expect(page).toMatch(/Not reporting since/);
      expect(page).toMatch(/In the feed since/);
      const list = await (await fetch(`${web.baseUrl}/stations?system=${SYSTEM}`)).text();
      expect(list).toMatch(/data-station-id="gone" data-reporting="false"/);
    });
  });
});
