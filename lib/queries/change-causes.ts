import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import type { ChangeCause, ChangeForCause, StationForCause } from '../stations/insights/causes/types';
import { unnested, unnestedTimes } from './sql-arrays';
import { toDate, toDateOrNull } from './sql-values';

type Executor = Pick<Database, 'execute'>;

/** Where a system's classification stands: the feed's clock, and how far causes are settled. */
export interface CauseState {
  systemId: string;
  timeZone: string;
  /** The system's latest feed update; null before its first status. */
  at: Date | null;
  /**
   * The newest station report stored. Behind `at` while the consumer works through a backlog: the
   * system's own small topic is read in a batch or two, its stations' reports over minutes.
   */
  storedAt: Date | null;
  /** Every change at or before this has a settled cause; null before the first round. */
  through: Date | null;
  /** The last local day (YYYY-MM-DD) whose report cards are final. */
  reportedThrough: string | null;
  todayReportedAt: Date | null;
}

export interface StoredVerdict {
  stationId: string;
  reportedAt: Date;
  cause: ChangeCause;
  settled: boolean;
  rule: string;
}

/** Whether this transaction now holds the system's classification lock (one classifier process per system at a time). */
export async function tryLockSystem(db: Executor, systemId: string): Promise<boolean> {
  const result = await db.execute<{ locked: boolean }>(sql`SELECT pg_try_advisory_xact_lock(hashtextextended(${`bikestream-causes:${systemId}`}, 0)) AS locked`);
  return result.rows[0]?.locked === true;
}

/** Every system's classification state. */
export async function listCauseStates(db: Executor): Promise<CauseState[]> {
  const result = await db.execute<{ system_id: string; timezone: string; at: string | null; stored_at: string | null; through: string | null; reported_through: string | null; today_reported_at: string | null }>(sql`
    SELECT s.system_id, s.timezone, s.status_updated_at AS at, p.through,
      (SELECT max(st.reported_at) FROM stations st WHERE st.system_id = s.system_id) AS stored_at,
      to_char(p.reported_through, 'YYYY-MM-DD') AS reported_through, p.today_reported_at
    FROM systems s LEFT JOIN cause_progress p ON p.system_id = s.system_id
    ORDER BY s.system_id`);
  return result.rows.map((row) => ({
    systemId: row.system_id,
    timeZone: row.timezone,
    at: toDateOrNull(row.at),
    storedAt: toDateOrNull(row.stored_at),
    through: toDateOrNull(row.through),
    reportedThrough: row.reported_through,
    todayReportedAt: toDateOrNull(row.today_reported_at),
  }));
}

/** The system's earliest change: where a first round starts. */
export async function firstChangeAt(db: Executor, systemId: string): Promise<Date | null> {
  const result = await db.execute<{ first: string | null }>(sql`
    SELECT min(reported_at) AS first FROM station_change WHERE system_id = ${systemId}`);
  return toDateOrNull(result.rows[0]?.first ?? null);
}

/** Changes with reported_at in (after, upTo], oldest first, as the classifier reads them. */
export async function listChangesForCauses(db: Executor, systemId: string, after: Date, upTo: Date): Promise<ChangeForCause[]> {
  const result = await db.execute<{ station_id: string; reported_at: string; prev_reported_at: string; bikes: number; prev_bikes: number; docks: number | null; prev_docks: number | null }>(sql`
    SELECT station_id, reported_at, prev_reported_at, bikes, prev_bikes, docks, prev_docks
    FROM station_change
    WHERE system_id = ${systemId} AND reported_at > ${after.toISOString()}::timestamptz AND reported_at <= ${upTo.toISOString()}::timestamptz
    ORDER BY reported_at, station_id`);
  return result.rows.map((row) => ({
    stationId: row.station_id,
    reportedAt: toDate(row.reported_at),
    prevReportedAt: toDate(row.prev_reported_at),
    bikes: row.bikes,
    prevBikes: row.prev_bikes,
    docks: row.docks,
    prevDocks: row.prev_docks,
  }));
}

export async function listStationsForCauses(db: Executor, systemId: string): Promise<Map<string, StationForCause>> {
  const result = await db.execute<{ station_id: string; capacity: number | null; lat: number | null; lon: number | null }>(sql`
    SELECT station_id, capacity, lat, lon FROM stations WHERE system_id = ${systemId}`);
  return new Map(result.rows.map((row) => [row.station_id, { stationId: row.station_id, capacity: row.capacity, lat: row.lat, lon: row.lon }]));
}

/** Stores verdicts; a row is rewritten only when its verdict changed, so settled rows are written once. */
export async function storeVerdicts(db: Executor, systemId: string, verdicts: readonly StoredVerdict[], classifiedAt: Date): Promise<number> {
  if (verdicts.length === 0) return 0;
  const result = await db.execute(sql`
    INSERT INTO change_cause AS k (system_id, station_id, reported_at, cause, settled, rule, classified_at)
    SELECT ${systemId}, ${unnested(verdicts, (v) => v.stationId, 'text')}, ${unnestedTimes(verdicts, (v) => v.reportedAt)},
      ${unnested(verdicts, (v) => v.cause, 'text')}, ${unnested(verdicts, (v) => v.settled, 'bool')},
      ${unnested(verdicts, (v) => v.rule, 'text')}, ${classifiedAt.toISOString()}::timestamptz
    ON CONFLICT (system_id, reported_at, station_id) DO UPDATE
      SET cause = excluded.cause, settled = excluded.settled, rule = excluded.rule, classified_at = excluded.classified_at
      WHERE (k.cause, k.settled, k.rule) IS DISTINCT FROM (excluded.cause, excluded.settled, excluded.rule)`);
  return result.rowCount ?? 0;
}

export async function setCauseProgress(db: Executor, systemId: string, through: Date): Promise<void> {
  await db.execute(sql`
    INSERT INTO cause_progress (system_id, through, updated_at) VALUES (${systemId}, ${through.toISOString()}::timestamptz, now())
    ON CONFLICT (system_id) DO UPDATE SET through = excluded.through, updated_at = excluded.updated_at`);
}

/**
 * The oldest change in (since, through] with no cause. Partitions are consumed concurrently, so a
 * station's change can be stored after a later one of another station has been classified.
 */
export async function oldestUnclassified(db: Executor, systemId: string, since: Date, through: Date): Promise<Date | null> {
  const result = await db.execute<{ oldest: string | null }>(sql`
    SELECT min(c.reported_at) AS oldest FROM station_change c
    WHERE c.system_id = ${systemId}
      AND c.reported_at > ${since.toISOString()}::timestamptz AND c.reported_at <= ${through.toISOString()}::timestamptz
      AND NOT EXISTS (SELECT 1 FROM change_cause k
        WHERE k.system_id = c.system_id AND k.reported_at = c.reported_at AND k.station_id = c.station_id)`);
  return toDateOrNull(result.rows[0]?.oldest ?? null);
}

/** Rebuilds the quarter hours that overlap [from, to] of system_activity from the changes and their causes. */
export async function rebuildActivity(db: Executor, systemId: string, from: Date, to: Date): Promise<void> {
  const quarter = (time: Date) => sql`to_timestamp(floor(extract(epoch FROM ${time.toISOString()}::timestamptz) / 900) * 900)`;
  const start = quarter(from);
  const lastStart = quarter(to);
  await db.execute(sql`DELETE FROM system_activity WHERE system_id = ${systemId} AND bucket_start >= ${start} AND bucket_start <= ${lastStart}`);
  await db.execute(sql`
    INSERT INTO system_activity (system_id, bucket_start, rentals, returns, rebalanced_in, rebalanced_out, glitches)
    SELECT c.system_id, to_timestamp(floor(extract(epoch FROM c.reported_at) / 900) * 900) AS bucket,
      coalesce(sum(greatest(c.prev_bikes - c.bikes, 0)) FILTER (WHERE k.cause = 'riders'), 0),
      coalesce(sum(greatest(c.bikes - c.prev_bikes, 0)) FILTER (WHERE k.cause = 'riders'), 0),
      coalesce(sum(greatest(c.bikes - c.prev_bikes, 0)) FILTER (WHERE k.cause = 'rebalancing'), 0),
      coalesce(sum(greatest(c.prev_bikes - c.bikes, 0)) FILTER (WHERE k.cause = 'rebalancing'), 0),
      count(*) FILTER (WHERE k.cause = 'glitch')
    FROM station_change c
    JOIN change_cause k ON k.system_id = c.system_id AND k.reported_at = c.reported_at AND k.station_id = c.station_id
    WHERE c.system_id = ${systemId} AND c.reported_at >= ${start} AND c.reported_at < ${lastStart} + interval '15 minutes'
    GROUP BY 1, 2`);
}
