import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { listStationAvailabilityEvents, listSystemAvailabilityEvents } from '../lib/queries/availability-events';
import { createBenchDatabase } from './databases';
import { describeMachineSpeed, measureMachineSpeed } from './machine-speed';
import { timeRuns } from './stats';

/**
 * The Atom feeds' reads over a history longer than their 7-day window: every station reporting a
 * change every 5 minutes for `days` days (bikes at random, so about one report in six crosses 0 bikes
 * or 0 docks: far more events than a real station has), station_change filled from the LAG view as
 * the consumer keeps it. `npx tsx bench/atom-feed-reads.ts [stations] [days] [runs]`.
 */
const [stations = 270, days = 14, runs = 100] = process.argv.slice(2).map(Number);
const SYSTEM = 'oslobysykkel';
const end = new Date('2026-12-07T12:00:00Z');
const endSql = sql`${end.toISOString()}::timestamptz`;

const database = await createBenchDatabase(randomBytes(3).toString('hex'), 'atom_feed_reads');
try {
  const speed = await measureMachineSpeed();
  await database.db.execute(sql`
    INSERT INTO systems (system_id, name, timezone, feed_url, ttl_seconds, polled_at, status_updated_at)
    VALUES (${SYSTEM}, 'Oslo', 'Europe/Oslo', 'https://example.test/gbfs.json', 10, ${endSql}, ${endSql})`);
  await database.db.execute(sql`
    INSERT INTO station_status (system_id, station_id, reported_at, bikes, ebikes, docks, is_installed, is_renting, is_returning)
    SELECT ${SYSTEM}, 's' || n, t, b, 0, 10 - b, true, true, true
    FROM generate_series(1, ${stations}) n, generate_series(${endSql} - make_interval(days => ${days}), ${endSql}, interval '5 minutes') t,
      LATERAL (SELECT floor(random() * 11 + n * 0 + extract(epoch FROM t) * 0)::int AS b) r`);
  await database.db.execute(sql`INSERT INTO station_change SELECT * FROM station_status_change WHERE system_id = ${SYSTEM}`);
  await database.db.execute(sql`
    INSERT INTO stations (system_id, station_id, name, first_seen, last_seen, reported_at, bikes, ebikes, docks, is_installed, is_renting, is_returning)
    SELECT DISTINCT ON (station_id) system_id, station_id, 'Station ' || station_id, ${endSql} - make_interval(days => ${days}), ${endSql}, reported_at, bikes, ebikes, docks, true, true, true
    FROM station_status WHERE system_id = ${SYSTEM} ORDER BY station_id, reported_at DESC`);
  for (const table of ['station_status', 'station_change', 'stations']) await database.db.execute(sql`VACUUM ANALYZE ${sql.identifier(table)}`);
  const rows = await database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM station_status`);
  const station = await timeRuns(runs, (run) => listStationAvailabilityEvents(database.db, SYSTEM, `s${(run % stations) + 1}`));
  const system = await timeRuns(runs, () => listSystemAvailabilityEvents(database.db, SYSTEM));
  const events = (await listStationAvailabilityEvents(database.db, SYSTEM, 's1')).length;
  console.log(JSON.stringify({
    stations, days, runs, status_rows: rows.rows[0]?.n, station_feed_entries: events,
    station_feed_p50_ms: Number(station.p50.toFixed(2)), station_feed_p95_ms: Number(station.p95.toFixed(2)),
    system_feed_p50_ms: Number(system.p50.toFixed(2)), system_feed_p95_ms: Number(system.p95.toFixed(2)),
    probe: describeMachineSpeed(speed),
  }, null, 2));
} finally {
  await database.drop();
}
