import { appendFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import type { Database } from '../lib/db/client';
import { copyBenchDatabase, type BenchDatabase } from './databases';
import { explainChangeQueries } from './explain';
import { describeMachineSpeed, measureMachineSpeed } from './machine-speed';
import { historyRows, measureChangeQueries, measureHistoryPair } from './queries';
import { growthPoint, type GrowthPoint, type ProcessReading } from './report';
import type { CitySpec, Scale } from './scales';
import { machineLoad } from './rss';
import { describeSettled, settleMachine } from './settle';
import { measureArticleQuery } from './seed-query';
import type { Summary } from './stats';
import { firstReportAt } from './synthetic';

const DAY_MS = 24 * 3600 * 1000;
/** Generous: at 1× the article's query is timed, not given up on. */
const ARTICLE_QUERY_LIMIT_1X_MS = 600_000;

/**
 * Older history written straight in SQL (INSERT … SELECT generate_series) — far quicker than Kafka
 * for tens of millions of rows; only the query figures are measured on it. Every station reports each
 * interval; its bikes follow a daily wave plus a step that may move every 15 minutes, so about one
 * report in fifteen is a change, like the Kafka-fed part.
 */
async function insertOlderHistory(db: Database, spec: CitySpec, from: Date, to: Date): Promise<void> {
  await db.execute(sql`
    INSERT INTO station_status (system_id, station_id, reported_at, bikes, ebikes, docks, is_installed, is_renting, is_returning, received_at)
    SELECT st.system_id, st.station_id, t.at, v.bikes, v.bikes * 3 / 10, GREATEST(0, st.capacity - v.bikes), true, true, true, t.at
    FROM generate_series(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz, make_interval(mins => ${spec.intervalMinutes})) AS t(at)
    CROSS JOIN stations st
    CROSS JOIN LATERAL (
      SELECT LEAST(st.capacity, GREATEST(0,
        round(st.capacity * (0.5 + 0.3 * sin(2 * pi() * extract(epoch FROM t.at) / 86400 + (hashtext(st.station_id) % 628) / 100.0)))::int
        + abs(hashtext(st.station_id || ':' || floor(extract(epoch FROM t.at) / 900)::bigint::text)) % 5 - 2)) AS bikes
    ) v
    WHERE st.system_id = ${spec.systemId}
    ON CONFLICT DO NOTHING`);
}

/**
 * The consumer keeps station_change for what it writes; history added in SQL gets its changes the
 * same way the view defines them: LAG over the chunk plus the report before it, and the chunk's
 * successor, whose predecessor the chunk now is.
 */
async function insertOlderChanges(db: Database, spec: CitySpec, from: Date, to: Date): Promise<void> {
  const intervalMs = spec.intervalMinutes * 60_000;
  const before = new Date(from.getTime() - intervalMs).toISOString();
  const after = new Date(to.getTime() + intervalMs).toISOString();
  await db.execute(sql`
    INSERT INTO station_change (system_id, station_id, reported_at, prev_reported_at, bikes, prev_bikes, ebikes, prev_ebikes, docks, prev_docks)
    SELECT system_id, station_id, reported_at, prev_reported_at, bikes, prev_bikes, ebikes, prev_ebikes, docks, prev_docks
    FROM (
      SELECT system_id, station_id, reported_at, bikes, ebikes, docks,
             LAG(reported_at) OVER w AS prev_reported_at, LAG(bikes) OVER w AS prev_bikes,
             LAG(ebikes) OVER w AS prev_ebikes, LAG(docks) OVER w AS prev_docks
      FROM station_status
      WHERE system_id = ${spec.systemId} AND reported_at BETWEEN ${before}::timestamptz AND ${after}::timestamptz
      WINDOW w AS (PARTITION BY system_id, station_id ORDER BY reported_at)
    ) paired
    WHERE reported_at >= ${from.toISOString()}::timestamptz AND prev_reported_at IS NOT NULL
      AND (bikes IS DISTINCT FROM prev_bikes OR docks IS DISTINCT FROM prev_docks)
    ON CONFLICT DO NOTHING`);
}

/**
 * Grows the history to `multiple` × the Kafka-fed span by adding older days before `baseOldest`, one
 * day per statement, two statements at a time (the pool's two connections). Autovacuum is switched
 * off for the table first so it does not run in the middle of the measurements. The older days it adds
 * are left unvacuumed; the measured history reads the latest day, which the 1× VACUUM made
 * all-visible and which growing does not touch, so it stays index-only. Returns the new oldest
 * report time.
 */
async function growHistory(db: Database, spec: CitySpec, baseOldest: Date, currentMultiple: number, multiple: number, log: (line: string) => void): Promise<Date> {
  const intervalMs = spec.intervalMinutes * 60_000;
  const spanMs = spec.reports * intervalMs;
  const started = performance.now();
  await db.execute(sql`ALTER TABLE station_status SET (autovacuum_enabled = off)`);
  await db.execute(sql`ALTER TABLE station_change SET (autovacuum_enabled = off)`);
  const chunks: [Date, Date][] = [];
  const target = baseOldest.getTime() - (multiple - 1) * spanMs;
  for (let chunkEnd = baseOldest.getTime() - (currentMultiple - 1) * spanMs - intervalMs; chunkEnd >= target; ) {
    const chunkStart = Math.max(target, chunkEnd - DAY_MS + intervalMs);
    chunks.push([new Date(chunkStart), new Date(chunkEnd)]);
    chunkEnd = chunkStart - intervalMs;
  }
  const inParallel = async (write: (from: Date, to: Date) => Promise<void>) => {
    let next = 0;
    const worker = async () => {
      for (let chunk = chunks[next++]; chunk; chunk = chunks[next++]) await write(chunk[0], chunk[1]);
    };
    await Promise.all([worker(), worker()]);
  };
  await inParallel((from, to) => insertOlderHistory(db, spec, from, to));
  // Only once every chunk is in can each one see its neighbours.
  await inParallel((from, to) => insertOlderChanges(db, spec, from, to));
  await db.execute(sql`ANALYZE station_status`);
  await db.execute(sql`ANALYZE station_change`);
  log(`history grown to ${multiple}× (${chunks.length} days added) in ${((performance.now() - started) / 1000).toFixed(1)} s; ${await machineLoad()}`);
  return new Date(target);
}

/**
 * The history's Node-side decoding is most of its time, and runs in this process: its speed is
 * probed here at each size, so a slower process or machine can be told from a slower query.
 */
async function readBenchProcess(): Promise<ProcessReading> {
  const speed = await measureMachineSpeed();
  return { speed, heapMb: process.memoryUsage().heapUsed / 1024 / 1024 };
}

async function tableSizeMb(db: Database): Promise<number> {
  const result = await db.execute<{ bytes: string }>(sql`SELECT pg_total_relation_size('station_status')::text AS bytes`);
  return Number(result.rows[0]?.bytes ?? 0) / 1024 / 1024;
}

/**
 * The change and history queries at 1×, then at each larger multiple of the Kafka-fed history, with
 * the article's query alongside (a few runs at 1×, one run at larger sizes until one passes the limit).
 */
export async function measureGrowth(database: BenchDatabase, scale: Scale, end: Date, options: { log: (line: string) => void; explain: string | null }): Promise<Record<string, GrowthPoint>> {
  const { db, url } = database;
  const { oslo: spec } = scale;
  const growth: Record<string, GrowthPoint> = {};
  const baseOldest = firstReportAt(spec, end);
  let oldest = baseOldest;
  let current = 1;
  let seedGaveUp = false;
  let baseCopy: BenchDatabase | null = null;
  try {
    for (const multiple of scale.growth) {
      if (multiple > current) {
        if (!baseCopy) {
          baseCopy = await copyBenchDatabase(database, '1x');
          options.log(`copied the 1× database to ${baseCopy.name}, to read the history against at each size`);
        }
        oldest = await growHistory(db, spec, baseOldest, current, multiple, options.log);
        current = multiple;
        options.log(describeSettled(await settleMachine(db, { maxWaitS: scale.settleMaxSeconds })));
      }
      const rows = await historyRows(db);
      const reading = await readBenchProcess();
      options.log(`before the queries at ${multiple}×: ${describeMachineSpeed(reading.speed)}; bench heap ${reading.heapMb.toFixed(0)} MB`);
      const queries = await measureChangeQueries(db, spec, end, scale.queryRuns, oldest);
      const seedLimitMs = multiple === 1 ? ARTICLE_QUERY_LIMIT_1X_MS : scale.seedTimeoutMs;
      const seed: Summary | null = seedGaveUp ? null : await measureArticleQuery(url, spec.systemId, multiple === 1 ? scale.seedRuns : 1, seedLimitMs);
      seedGaveUp ||= seed === null;
      if (options.explain && (multiple === 1 || multiple === scale.growth.at(-1))) {
        await appendFile(options.explain, `-- history ${multiple}× (${rows.toLocaleString('en')} rows)\n${await explainChangeQueries(url, spec, end)}\n\n`);
      }
      const pair = baseCopy ? await measureHistoryPair(db, baseCopy.db, spec, end, scale.queryRuns) : null;
      growth[`${multiple}x`] = growthPoint(rows, await tableSizeMb(db), queries, seed, seedLimitMs, reading, pair);
      options.log(`queries at ${multiple}× (${rows.toLocaleString('en')} rows): ${JSON.stringify(growth[`${multiple}x`])}`);
    }
  } finally {
    await baseCopy?.drop();
  }
  return growth;
}
