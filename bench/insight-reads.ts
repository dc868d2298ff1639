import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { getActivity } from '../lib/queries/activity';
import { getReportCards } from '../lib/queries/report-cards';
import { createBenchDatabase } from './databases';
import { describeMachineSpeed, measureMachineSpeed } from './machine-speed';
import { timeRuns } from './stats';

/**
 * The insight reads at the size a 30-day Oslo history gives their rollups, without replaying it:
 * system_activity and station_day_report filled as the classifier fills them (one row a quarter hour;
 * one row a station a day), then a day of activity in quarter hours and every station's 30-day report
 * card timed as the API reads them. `npx tsx bench/insight-reads.ts [stations] [days] [runs]`.
 */
const [stations = 270, days = 30, runs = 200] = process.argv.slice(2).map(Number);
const SYSTEM = 'oslobysykkel';
const end = new Date('2026-12-07T12:00:00Z');

const database = await createBenchDatabase(randomBytes(3).toString('hex'), 'insight_reads');
try {
  const speed = await measureMachineSpeed();
  await database.db.execute(sql`
    INSERT INTO systems (system_id, name, timezone, feed_url, ttl_seconds, polled_at, status_updated_at)
    VALUES (${SYSTEM}, 'Oslo', 'Europe/Oslo', 'https://example.test/gbfs.json', 10, ${end.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz)`);
  await database.db.execute(sql`
    INSERT INTO stations (system_id, station_id, name, first_seen, last_seen)
    SELECT ${SYSTEM}, 's' || n, 'Station ' || n, ${end.toISOString()}::timestamptz - make_interval(days => ${days}), ${end.toISOString()}::timestamptz
    FROM generate_series(1, ${stations}) n`);
  await database.db.execute(sql`
    INSERT INTO system_activity (system_id, bucket_start, rentals, returns, rebalanced_in, rebalanced_out, glitches)
    SELECT ${SYSTEM}, t, (random() * 60)::int, (random() * 60)::int, (random() * 8)::int, (random() * 8)::int, (random() * 2)::int
    FROM generate_series(${end.toISOString()}::timestamptz - make_interval(days => ${days}), ${end.toISOString()}::timestamptz, interval '15 minutes') t`);
  await database.db.execute(sql`
    INSERT INTO station_day_report
    SELECT ${SYSTEM}, 's' || n, d::date, 86400, (random() * 7200)::int, (random() * 3600)::int, (random() * 3600)::int, 54000,
      (random() * 54000)::int, (random() * 40)::int, (random() * 40)::int, (random() * 6)::int, (random() * 6)::int, (random() * 2)::int, (random() * 10800)::int
    FROM generate_series(1, ${stations}) n,
      generate_series((${end.toISOString()}::timestamptz AT TIME ZONE 'Europe/Oslo')::date - ${days - 1}::int, (${end.toISOString()}::timestamptz AT TIME ZONE 'Europe/Oslo')::date, interval '1 day') d`);
  await database.db.execute(sql`INSERT INTO cause_progress (system_id, through, updated_at) VALUES (${SYSTEM}, ${end.toISOString()}::timestamptz, now())`);
  await database.db.execute(sql`VACUUM ANALYZE system_activity`);
  await database.db.execute(sql`VACUUM ANALYZE station_day_report`);
  const dayAgo = new Date(end.getTime() - 86_400_000);
  const activity = await timeRuns(runs, () => getActivity(database.db, SYSTEM, dayAgo, end, 900));
  const report = await timeRuns(runs, () => getReportCards(database.db, SYSTEM, 30, 'empty-minutes'));
  const cards = await getReportCards(database.db, SYSTEM, 30, 'empty-minutes');
  console.log(JSON.stringify({
    stations, days, runs, cards: cards?.stations.length,
    activity_day_p50_ms: Number(activity.p50.toFixed(2)), activity_day_p95_ms: Number(activity.p95.toFixed(2)),
    report_30d_p50_ms: Number(report.p50.toFixed(2)), report_30d_p95_ms: Number(report.p95.toFixed(2)),
    probe: describeMachineSpeed(speed),
  }, null, 2));
} finally {
  await database.drop();
}
