import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StationStatusMessage } from '../../lib/kafka/messages';
import { listChanges } from '../../lib/queries/changes';
import { storeStationStatuses } from '../../lib/queries/ingest-status';
import { seededRandom } from '../support/replay-fixture';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const START = Date.parse('2026-03-02T06:00:00Z');

function randomReports(seed: number, stations: number, minutes: number): StationStatusMessage[] {
  const random = seededRandom(seed);
  const rows: StationStatusMessage[] = [];
  for (let station = 0; station < stations; station += 1) {
    let bikes = Math.floor(random() * 10);
    for (let minute = 0; minute < minutes; minute += 1) {
      if (random() < 0.3) bikes = Math.max(0, Math.min(20, bikes + (random() < 0.5 ? -1 : 1)));
      const docks = random() < 0.02 ? null : 20 - bikes;
      rows.push({
        systemId: station % 4 === 0 ? 'other' : 'city',
        stationId: `st-${station}`,
        reportedAt: new Date(START + minute * 60_000),
        bikes,
        ebikes: random() < 0.5 ? Math.floor(bikes / 2) : null,
        docks,
        isInstalled: true,
        isRenting: true,
        isReturning: true,
      });
    }
  }
  return rows;
}

async function write(database: TestDatabase, rows: StationStatusMessage[]) {
  return database.db.transaction((tx) => storeStationStatuses(tx, rows));
}

const changeColumns = sql`system_id, station_id, extract(epoch FROM reported_at)::float8 AS at, extract(epoch FROM prev_reported_at)::float8 AS prev_at,
  bikes, prev_bikes, ebikes, prev_ebikes, docks, prev_docks`;

async function tableAndView(database: TestDatabase) {
  const order = sql`ORDER BY system_id, reported_at, station_id`;
  const [table, view] = await Promise.all([
    database.db.execute(sql`SELECT ${changeColumns} FROM station_change ${order}`),
    database.db.execute(sql`SELECT ${changeColumns} FROM station_status_change ${order}`),
  ]);
  return { table: table.rows, view: view.rows };
}

describe('station_change, kept by the consumer, equals the LAG view', () => {
  let database: TestDatabase;
  const rows = randomReports(7, 24, 90);

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('after in-order batches, redeliveries and reports that arrive late', async () => {
    const random = seededRandom(3);
    // Batches overlap (redelivery after a crash) and a tenth of the reports is held back and
    // delivered after newer ones of the same station.
    const heldBack = rows.filter(() => random() < 0.1);
    const onTime = rows.filter((row) => !heldBack.includes(row)).sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime());
    let changes = 0;
    for (let start = 0; start < onTime.length; start += 300) {
      changes += (await write(database, onTime.slice(Math.max(0, start - 40), start + 300))).changes;
    }
    for (let start = 0; start < heldBack.length; start += 50) await write(database, heldBack.slice(start, start + 50));

    const { table, view } = await tableAndView(database);
    expect(view.length).toBeGreaterThan(500);
    expect(changes).toBeGreaterThan(0);
    expect(table).toEqual(view);
  });

  it('a redelivered batch adds nothing', async () => {
    const before = await tableAndView(database);
    const again = await write(database, rows.slice(0, 500));
    expect(again).toEqual({ inserted: 0, changes: 0 });
    expect((await tableAndView(database)).table).toEqual(before.table);
  });

  it('stays right when history was written around the consumer, ahead of its stations rows', async () => {
    // A hand-made backfill: reports newer than the stations row knows, stored without the consumer.
    const station = randomReports(11, 1, 12).map((row) => ({ ...row, systemId: 'backfilled', stationId: 'b-1' }));
    await write(database, station.slice(0, 4));
    await database.db.execute(sql`
      INSERT INTO station_status (system_id, station_id, reported_at, bikes, ebikes, docks, is_installed, is_renting, is_returning)
      VALUES ('backfilled', 'b-1', ${station[6]!.reportedAt.toISOString()}::timestamptz, ${station[6]!.bikes + 3}, NULL, ${station[6]!.docks}, true, true, true)`);
    const written = await write(database, station.slice(2, 12));
    expect(written.inserted).toBe(7);
    const stored = await database.db.execute<{ rows: number }>(sql`SELECT count(*)::int AS rows FROM station_status WHERE system_id = 'backfilled'`);
    expect(stored.rows[0]?.rows).toBe(12);
    const { table, view } = await tableAndView(database);
    expect(table).toEqual(view);
  });

  it('pages through listChanges in exactly the order of the view', async () => {
    const paged: { stationId: string; at: number }[] = [];
    let before = null;
    for (;;) {
      const page = await listChanges(database.db, { systemId: 'city', limit: 37, before });
      paged.push(...page.changes.map((change) => ({ stationId: change.stationId, at: change.reportedAt.getTime() / 1000 })));
      if (!page.next) break;
      before = { reportedAt: page.changes.at(-1)!.reportedAt, stationId: page.changes.at(-1)!.stationId };
    }
    const view = await database.db.execute<{ station_id: string; at: number }>(
      sql`SELECT station_id, extract(epoch FROM reported_at)::float8 AS at FROM station_status_change WHERE system_id = 'city' ORDER BY reported_at DESC, station_id DESC`,
    );
    expect(paged).toEqual(view.rows.map((row) => ({ stationId: row.station_id, at: row.at })));
  });
});

describe('station_change under two overlapping transactions on the same station', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('matches the view when a second consumer writes the same reports before the first commits', async () => {
    // A consumer that lost its partition mid-batch and the one that took it over: B's batch overlaps
    // A's, and B starts while A's transaction is still open.
    // Bikes per minute: B's first new report (minute 5) is no change after A's last (minute 4), but
    // would look like one if B compared it with what was committed before A (minute 1).
    const reports = [5, 5, 6, 7, 8, 8, 8, 9].map((bikes, minute): StationStatusMessage => ({
      ...randomReports(1, 1, 1)[0]!,
      systemId: 'city',
      reportedAt: new Date(START + minute * 60_000),
      bikes,
      docks: 20 - bikes,
    }));
    await write(database, reports.slice(0, 2));
    let aWrote!: () => void;
    const aHasWritten = new Promise<void>((resolve) => (aWrote = resolve));
    const first = database.db.transaction(async (tx) => {
      await storeStationStatuses(tx, reports.slice(2, 5));
      aWrote();
      await new Promise((resolve) => setTimeout(resolve, 500));
    });
    await aHasWritten;
    const second = write(database, reports.slice(2, 8));
    await Promise.all([first, second]);

    const { table, view } = await tableAndView(database);
    expect(view.length).toBeGreaterThan(0);
    expect(table).toEqual(view);
  });
});
