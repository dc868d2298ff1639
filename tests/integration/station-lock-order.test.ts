import { sql } from 'drizzle-orm';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StationInformationMessage, StationStatusMessage } from '../../lib/kafka/messages';
import { upsertStationInformation } from '../../lib/queries/ingest';
import { storeStationStatuses } from '../../lib/queries/ingest-status';
import { waitFor } from '../support/processes';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const SYSTEM = 'city';
const AT = Date.parse('2026-03-02T06:00:00Z');

const report = (stationId: string, minute: number, bikes: number): StationStatusMessage => ({
  systemId: SYSTEM,
  stationId,
  reportedAt: new Date(AT + minute * 60_000),
  bikes,
  ebikes: null,
  docks: 20 - bikes,
  isInstalled: true,
  isRenting: true,
  isReturning: true,
});

const information = (stationId: string): StationInformationMessage => ({
  systemId: SYSTEM,
  stationId,
  name: `Station ${stationId}`,
  address: null,
  lat: 59.91,
  lon: 10.75,
  capacity: 20,
  seenAt: new Date(AT),
});

/** Resolves once `count` transactions of this database wait for a lock. */
async function waitForLockWaiters(monitor: Client, count: number): Promise<void> {
  await waitFor(`${count} transactions waiting for a lock`, async () => {
    const { rows } = await monitor.query<{ waiting: number }>(
      "SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
    );
    return (rows[0]?.waiting ?? 0) >= count;
  }, 5_000, 25);
}

describe('the status and station_information writes lock stations rows in one order', () => {
  let database: TestDatabase;
  const clients: Client[] = [];
  const connect = async () => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    for (const client of clients) await client.end();
    await database?.drop();
  });

  it('stores both when they meet on a known station and a new one, instead of one dying in a deadlock', async () => {
    // "a" is known and sorts before "b", which neither batch has seen. A third transaction holds "a"
    // so the two queue on it in a fixed order: information first, then status. A status write that
    // had already created "b" while it waited for "a" would deadlock with the information write,
    // which gets "a" next and then needs "b".
    await database.db.transaction((tx) => storeStationStatuses(tx, [report('a', 0, 5)]));
    const holder = await connect();
    const monitor = await connect();
    await holder.query('BEGIN');
    await holder.query("SELECT 1 FROM stations WHERE station_id = 'a' FOR UPDATE");

    const informationWrite = database.db.transaction((tx) => upsertStationInformation(tx, [information('a'), information('b')]));
    await waitForLockWaiters(monitor, 1);
    const statusWrite = database.db.transaction((tx) => storeStationStatuses(tx, [report('a', 1, 6), report('b', 1, 3)]));
    await waitForLockWaiters(monitor, 2);
    await holder.query('COMMIT');

    const outcomes = await Promise.allSettled([informationWrite, statusWrite]);
    const reasons = outcomes.map((outcome) => (outcome.status === 'fulfilled' ? 'committed' : String((outcome.reason as { cause?: unknown }).cause ?? outcome.reason)));
    expect(reasons).toEqual(['committed', 'committed']);
    const stations = await database.db.execute<{ station_id: string; name: string | null; bikes: number | null }>(
      sql`SELECT station_id, name, bikes FROM stations ORDER BY station_id`,
    );
    expect(stations.rows).toEqual([
      { station_id: 'a', name: 'Station a', bikes: 6 },
      { station_id: 'b', name: 'Station b', bikes: 3 },
    ]);
  });
});
