import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import type { StationStatusMessage } from '../kafka/messages';
import { byStation, column, iso } from './sql-arrays';

type Executor = Pick<Database, 'execute'>;

export interface StatusWrite {
  /** History rows that were new (a redelivered report is not). */
  inserted: number;
  /** Rows written to station_change (a recomputed station's rows count again). */
  changes: number;
}

interface LateStation extends Record<string, unknown> {
  system_id: string;
  station_id: string;
  since: string;
}

/**
 * Appends status reports to the history and, in the same statement, their changes to
 * station_change: LAG within the batch, and one primary-key probe per station for the report
 * before the batch. Replays and redeliveries are no-ops thanks to the primary keys.
 *
 * A report older than its station's latest stored one (out-of-order delivery) can change what its
 * successor counts as; such stations have their changes recomputed the view's way from there on.
 */
export async function insertStationStatuses(db: Executor, rows: StationStatusMessage[]): Promise<StatusWrite> {
  if (rows.length === 0) return { inserted: 0, changes: 0 };
  const result = await db.execute<{ inserted: number; changes: number; late: LateStation[] | null }>(sql`
    WITH inserted AS (
      INSERT INTO station_status (system_id, station_id, reported_at, bikes, ebikes, docks, is_installed, is_renting, is_returning)
      SELECT * FROM unnest(
        ${column(rows, (r) => r.systemId)}::text[], ${column(rows, (r) => r.stationId)}::text[],
        ${column(rows, (r) => iso(r.reportedAt))}::timestamptz[], ${column(rows, (r) => r.bikes)}::int[],
        ${column(rows, (r) => r.ebikes)}::int[], ${column(rows, (r) => r.docks)}::int[],
        ${column(rows, (r) => r.isInstalled)}::bool[], ${column(rows, (r) => r.isRenting)}::bool[],
        ${column(rows, (r) => r.isReturning)}::bool[])
      ON CONFLICT DO NOTHING
      RETURNING system_id, station_id, reported_at, bikes, ebikes, docks
    ),
    late AS (
      SELECT f.system_id, f.station_id, f.since
      FROM (SELECT system_id, station_id, min(reported_at) AS since FROM inserted GROUP BY system_id, station_id) f
      WHERE EXISTS (
        SELECT 1 FROM station_status s WHERE s.system_id = f.system_id AND s.station_id = f.station_id AND s.reported_at > f.since)
    ),
    ordered AS (
      SELECT i.*, LAG(i.reported_at) OVER w AS lag_at, LAG(i.bikes) OVER w AS lag_bikes,
             LAG(i.ebikes) OVER w AS lag_ebikes, LAG(i.docks) OVER w AS lag_docks
      FROM inserted i
      WHERE NOT EXISTS (SELECT 1 FROM late l WHERE l.system_id = i.system_id AND l.station_id = i.station_id)
      -- Grouping needs only equality: byte order ("C") spares the sort a locale comparison per step.
      WINDOW w AS (PARTITION BY i.system_id COLLATE "C", i.station_id COLLATE "C" ORDER BY i.reported_at)
    ),
    paired AS (
      SELECT o.system_id, o.station_id, o.reported_at, o.bikes, o.ebikes, o.docks,
             COALESCE(o.lag_at, p.reported_at) AS prev_reported_at,
             CASE WHEN o.lag_at IS NULL THEN p.bikes ELSE o.lag_bikes END AS prev_bikes,
             CASE WHEN o.lag_at IS NULL THEN p.ebikes ELSE o.lag_ebikes END AS prev_ebikes,
             CASE WHEN o.lag_at IS NULL THEN p.docks ELSE o.lag_docks END AS prev_docks
      FROM ordered o
      LEFT JOIN LATERAL (
        SELECT s.reported_at, s.bikes, s.ebikes, s.docks FROM station_status s
        WHERE o.lag_at IS NULL AND s.system_id = o.system_id AND s.station_id = o.station_id AND s.reported_at < o.reported_at
        ORDER BY s.reported_at DESC LIMIT 1
      ) p ON true
    ),
    changed AS (
      INSERT INTO station_change (system_id, station_id, reported_at, prev_reported_at, bikes, prev_bikes, ebikes, prev_ebikes, docks, prev_docks)
      SELECT system_id, station_id, reported_at, prev_reported_at, bikes, prev_bikes, ebikes, prev_ebikes, docks, prev_docks
      FROM paired
      WHERE prev_reported_at IS NOT NULL AND (bikes IS DISTINCT FROM prev_bikes OR docks IS DISTINCT FROM prev_docks)
      ON CONFLICT DO NOTHING
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM inserted)::int AS inserted, (SELECT count(*) FROM changed)::int AS changes,
           (SELECT json_agg(late) FROM late) AS late`);
  const summary = result.rows[0];
  if (!summary) return { inserted: 0, changes: 0 };
  const late = summary.late ?? [];
  const recomputed = late.length > 0 ? await recomputeChanges(db, late) : 0;
  return { inserted: summary.inserted, changes: summary.changes + recomputed };
}

/**
 * Rebuilds the stations' station_change rows from `since` on, with the view's LAG over only the
 * reports from the one before `since` onwards (not the station's whole history: a feed that keeps
 * sending late reports must not cost a full-history window per batch).
 */
async function recomputeChanges(db: Executor, late: LateStation[]): Promise<number> {
  const stations = sql`unnest(${column(late, (l) => l.system_id)}::text[], ${column(late, (l) => l.station_id)}::text[], ${column(late, (l) => l.since)}::timestamptz[])
    AS l(system_id, station_id, since)`;
  await db.execute(sql`
    DELETE FROM station_change c USING ${stations}
    WHERE c.system_id = l.system_id AND c.station_id = l.station_id AND c.reported_at >= l.since`);
  const result = await db.execute(sql`
    INSERT INTO station_change (system_id, station_id, reported_at, prev_reported_at, bikes, prev_bikes, ebikes, prev_ebikes, docks, prev_docks)
    SELECT l.system_id, l.station_id, v.reported_at, v.prev_reported_at, v.bikes, v.prev_bikes, v.ebikes, v.prev_ebikes, v.docks, v.prev_docks
    FROM ${stations}
    CROSS JOIN LATERAL (
      SELECT s.reported_at, s.bikes, s.ebikes, s.docks,
             LAG(s.reported_at) OVER w AS prev_reported_at, LAG(s.bikes) OVER w AS prev_bikes,
             LAG(s.ebikes) OVER w AS prev_ebikes, LAG(s.docks) OVER w AS prev_docks
      FROM station_status s
      WHERE s.system_id = l.system_id AND s.station_id = l.station_id
        AND s.reported_at >= COALESCE((
          SELECT max(p.reported_at) FROM station_status p
          WHERE p.system_id = l.system_id AND p.station_id = l.station_id AND p.reported_at < l.since), l.since)
      WINDOW w AS (ORDER BY s.reported_at)
    ) v
    WHERE v.reported_at >= l.since AND v.prev_reported_at IS NOT NULL
      AND (v.bikes IS DISTINCT FROM v.prev_bikes OR v.docks IS DISTINCT FROM v.prev_docks)
    ON CONFLICT DO NOTHING`);
  return result.rowCount ?? 0;
}

/** Keeps each station's latest status on its stations row, only ever moving forward in time. */
export async function updateLatestStatuses(db: Executor, rows: StationStatusMessage[]): Promise<void> {
  const latest = new Map<string, StationStatusMessage>();
  for (const row of rows) {
    const key = `${row.systemId}\u0000${row.stationId}`;
    const seen = latest.get(key);
    if (!seen || row.reportedAt > seen.reportedAt) latest.set(key, row);
  }
  const sorted = [...latest.values()].sort(byStation);
  if (sorted.length === 0) return;
  await db.execute(sql`
    INSERT INTO stations AS s (system_id, station_id, first_seen, last_seen, reported_at, bikes, ebikes, docks, is_installed, is_renting, is_returning)
    SELECT system_id, station_id, reported_at, reported_at, reported_at, bikes, ebikes, docks, is_installed, is_renting, is_returning
    FROM unnest(
      ${column(sorted, (r) => r.systemId)}::text[], ${column(sorted, (r) => r.stationId)}::text[],
      ${column(sorted, (r) => iso(r.reportedAt))}::timestamptz[], ${column(sorted, (r) => r.bikes)}::int[],
      ${column(sorted, (r) => r.ebikes)}::int[], ${column(sorted, (r) => r.docks)}::int[],
      ${column(sorted, (r) => r.isInstalled)}::bool[], ${column(sorted, (r) => r.isRenting)}::bool[],
      ${column(sorted, (r) => r.isReturning)}::bool[])
      AS t(system_id, station_id, reported_at, bikes, ebikes, docks, is_installed, is_renting, is_returning)
    ON CONFLICT (system_id, station_id) DO UPDATE SET
      reported_at = excluded.reported_at, bikes = excluded.bikes, ebikes = excluded.ebikes, docks = excluded.docks,
      is_installed = excluded.is_installed, is_renting = excluded.is_renting, is_returning = excluded.is_returning,
      first_seen = LEAST(s.first_seen, excluded.first_seen), last_seen = GREATEST(s.last_seen, excluded.last_seen)
    WHERE s.reported_at IS NULL OR excluded.reported_at > s.reported_at`);
}

/**
 * A status batch's whole write, in the order that keeps station_change right under concurrency:
 * the stations rows first, whose upsert locks each station's row (in a fixed order), so a second
 * transaction writing the same stations (a consumer that lost its partition but not yet its batch)
 * waits there, and its change computation then starts from a snapshot that includes the first
 * one's reports.
 */
export async function storeStationStatuses(db: Executor, rows: StationStatusMessage[]): Promise<StatusWrite> {
  await updateLatestStatuses(db, rows);
  return insertStationStatuses(db, rows);
}
