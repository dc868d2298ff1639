import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertStationInformation, upsertSystems } from '../../lib/queries/ingest';
import { storeStationStatuses } from '../../lib/queries/ingest-status';
import type { StatusReport } from '../../lib/queries/store-records';
import { startWorker, waitFor, type RunningProcess } from '../support/processes';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const SYSTEM = 'backlog';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const START = Date.parse('2026-12-08T07:00:00Z');
const STATIONS = ['a', 'b', 'c'];

/** A report every 2 minutes at each station from `fromHour` to `toHour`, one bike in or out each time. */
function reports(fromHour: number, toHour: number): StatusReport[] {
  const result: StatusReport[] = [];
  for (let minute = fromHour * 60; minute < toHour * 60; minute += 2) {
    for (const [i, stationId] of STATIONS.entries()) {
      const bikes = 5 + ((minute / 2 + i) % 2);
      result.push({ systemId: SYSTEM, stationId, reportedAt: new Date(START + minute * MINUTE), bikes, ebikes: null, docks: 15 - bikes, isInstalled: true, isRenting: true, isReturning: true });
    }
  }
  return result;
}

const progress = async (database: TestDatabase) => {
  const row = (await database.db.execute<{ changes: number; causes: number; through: string | null }>(sql`
    SELECT (SELECT count(*)::int FROM station_change) AS changes, (SELECT count(*)::int FROM change_cause) AS causes,
           (SELECT through FROM cause_progress) AS through`)).rows[0]!;
  return { changes: row.changes, causes: row.causes, through: row.through === null ? null : new Date(row.through) };
};

/**
 * A consumer catching up reads the system's own topic (one small partition) long before its stations'
 * reports: the feed clock says two days on while three hours are stored. The classifier must not run
 * ahead of what is stored, or the reports stored later would fall behind its progress mark unclassified.
 */
describe('the classifier behind a consumer that is catching up', () => {
  let database: TestDatabase;
  let classifier: RunningProcess | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
    const latest = new Date(START + 48 * HOUR);
    await upsertSystems(database.db, [{
      systemId: SYSTEM, name: 'Backlog', timezone: 'Europe/Oslo', language: 'nb', operator: null, licenseUrl: null,
      feedUrl: 'https://example.test/gbfs.json', ttlSeconds: 60, simulated: true, statusUpdatedAt: latest, polledAt: latest,
    }]);
    await upsertStationInformation(database.db, STATIONS.map((stationId, i) => ({
      systemId: SYSTEM, stationId, name: stationId, address: null, lat: 59.91 + i * 0.005, lon: 10.75, capacity: 15, seenAt: new Date(START),
    })));
    await storeStationStatuses(database.db, reports(0, 3));
    classifier = startWorker('classifier', { DATABASE_URL: database.url });
  }, 60_000);

  afterAll(async () => {
    await classifier?.stop();
    await database?.drop();
  });

  it('classifies what is stored and keeps its progress mark within it', async () => {
    const first = await waitFor('the stored changes to have causes', async () => {
      const now = await progress(database);
      return now.changes > 0 && now.causes === now.changes && now.through !== null && now;
    }, 60_000);
    expect(first.through!.getTime()).toBeLessThanOrEqual(START + 3 * HOUR);
  }, 70_000);

  it('gives a cause to every change the consumer stores later, hours behind the feed clock', async () => {
    await storeStationStatuses(database.db, reports(3, 12));
    const done = await waitFor('every change to have a cause', async () => {
      const now = await progress(database);
      return now.causes === now.changes && now.through !== null && now.through.getTime() >= START + 10 * HOUR && now;
    }, 90_000);
    expect(done.changes).toBeGreaterThan(3 * 12 * 30 - 10);
    expect(classifier!.output()).toContain('racing ahead of the clock: waiting for ingest');
  }, 100_000);
});
