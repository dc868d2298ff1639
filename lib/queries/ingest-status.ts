import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import { errorCodes } from '../db/error-causes';
import type { StatusReport } from './store-records';
import { groupByStation, planStatusWrite, type ChangeRow } from './status-write-plan';
import { column, iso, unnested, unnestedTimes } from './sql-arrays';
import { toDate } from './sql-values';
import { lockLatestStatuses, updateLatestStatuses } from './station-latest';

type Executor = Pick<Database, 'execute' | 'transaction'>;

export interface StatusWrite {
  /** History rows that were new (a redelivered report is not). */
  inserted: number;
  /** Rows written to station_change (a recomputed station's rows count again). */
  changes: number;
}

interface LateStation {
  systemId: string;
  stationId: string;
  since: Date;
  /** Its late reports new to the history. */
  rows: number;
}

function historyRows(rows: readonly StatusReport[], onConflict = sql`ON CONFLICT DO NOTHING`) {
  return sql`
    INSERT INTO station_status (system_id, station_id, reported_at, bikes, ebikes, docks, is_installed, is_renting, is_returning)
    SELECT ${unnested(rows, (r) => r.systemId, 'text')}, ${unnested(rows, (r) => r.stationId, 'text')}, ${unnestedTimes(rows, (r) => r.reportedAt)},
      ${unnested(rows, (r) => r.bikes, 'int')}, ${unnested(rows, (r) => r.ebikes, 'int')}, ${unnested(rows, (r) => r.docks, 'int')},
      ${unnested(rows, (r) => r.isInstalled, 'bool')}, ${unnested(rows, (r) => r.isRenting, 'bool')}, ${unnested(rows, (r) => r.isReturning, 'bool')}
    ${onConflict}`;
}

const isUniqueViolation = (error: unknown) => errorCodes(error).includes('23505');

/**
 * Appends reports newer than their station's stored latest. They cannot be in the history yet, so
 * this is a plain INSERT: ON CONFLICT's speculative insertion costs PostgreSQL nearly twice the
 * CPU per row. If one is there after all (history written around the consumer, leaving a stations
 * row behind it), the savepoint is rolled back and false returned, for the careful path.
 */
async function appendFreshHistory(db: Executor, rows: readonly StatusReport[]): Promise<boolean> {
  if (rows.length === 0) return true;
  try {
    await db.transaction((savepoint) => savepoint.execute(historyRows(rows, sql``)));
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** Reports at or before their station's latest: the ones not stored yet arrived late. */
async function insertStaleHistory(db: Executor, rows: readonly StatusReport[]): Promise<LateStation[]> {
  if (rows.length === 0) return [];
  const result = await db.execute<{ system_id: string; station_id: string; since: string; rows: number }>(sql`
    WITH inserted AS (${historyRows(rows)} RETURNING system_id, station_id, reported_at)
    SELECT system_id, station_id, min(reported_at) AS since, count(*)::int AS rows FROM inserted GROUP BY system_id, station_id`);
  return result.rows.map((row) => ({ systemId: row.system_id, stationId: row.station_id, since: toDate(row.since), rows: row.rows }));
}

async function insertChanges(db: Executor, changes: readonly ChangeRow[]): Promise<number> {
  if (changes.length === 0) return 0;
  const result = await db.execute(sql`
    INSERT INTO station_change (system_id, station_id, reported_at, prev_reported_at, bikes, prev_bikes, ebikes, prev_ebikes, docks, prev_docks)
    SELECT ${unnested(changes, (c) => c.systemId, 'text')}, ${unnested(changes, (c) => c.stationId, 'text')},
      ${unnestedTimes(changes, (c) => c.reportedAt)}, ${unnestedTimes(changes, (c) => c.prevReportedAt)},
      ${unnested(changes, (c) => c.bikes, 'int')}, ${unnested(changes, (c) => c.prevBikes, 'int')},
      ${unnested(changes, (c) => c.ebikes, 'int')}, ${unnested(changes, (c) => c.prevEbikes, 'int')},
      ${unnested(changes, (c) => c.docks, 'int')}, ${unnested(changes, (c) => c.prevDocks, 'int')}
    ON CONFLICT DO NOTHING`);
  return result.rowCount ?? 0;
}

/**
 * A rebuilt change may differ from the one its cause was decided for: the causes go with it, and
 * the classifier's progress mark moves back to the first of them (lib/queries/change-causes.ts).
 */
async function forgetCauses(db: Executor, stations: SQL): Promise<void> {
  await db.execute(sql`
    DELETE FROM change_cause k USING ${stations}
    WHERE k.system_id = l.system_id AND k.station_id = l.station_id AND k.reported_at >= l.since`);
  await db.execute(sql`
    UPDATE cause_progress p SET through = least(p.through, l.since - interval '1 millisecond'), updated_at = now()
    FROM (SELECT system_id, min(since) AS since FROM ${stations} GROUP BY system_id) l
    WHERE p.system_id = l.system_id`);
}

/**
 * Rebuilds the stations' station_change rows from `since` on, with the view's LAG over only the
 * reports from the one before `since` onwards (not the station's whole history: a feed that keeps
 * sending late reports must not cost a full-history window per batch).
 */
async function recomputeChanges(db: Executor, late: readonly LateStation[]): Promise<number> {
  const stations = sql`unnest(${column(late, (l) => l.systemId)}::text[], ${column(late, (l) => l.stationId)}::text[], ${column(late, (l) => iso(l.since))}::timestamptz[])
    AS l(system_id, station_id, since)`;
  await db.execute(sql`
    DELETE FROM station_change c USING ${stations}
    WHERE c.system_id = l.system_id AND c.station_id = l.station_id AND c.reported_at >= l.since`);
  await forgetCauses(db, stations);
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

/**
 * A status batch's whole write, inside the caller's transaction. The batch's stations rows are
 * locked first and give each station's latest stored report; reports newer than that are appended
 * and their changes (the LAG view's definition, see lib/queries/status-write-plan.ts) computed in memory,
 * so the common case costs PostgreSQL only the inserts. Redelivered reports are no-ops thanks to
 * the primary keys; a report that arrived late (older than its station's latest, new to the
 * history) can change what its successor counts as, so that station's changes are rebuilt from it
 * on with the view's LAG.
 */
export async function storeStationStatuses(db: Executor, rows: StatusReport[]): Promise<StatusWrite> {
  if (rows.length === 0) return { inserted: 0, changes: 0 };
  const groups = groupByStation(rows);
  const latest = await lockLatestStatuses(db, groups);
  const plan = planStatusWrite(groups, latest);
  const appended = await appendFreshHistory(db, plan.fresh);
  // Should the history be ahead of the stations rows, every report is treated as possibly late.
  const late = await insertStaleHistory(db, appended ? plan.stale : rows);
  const changes = appended ? await insertChanges(db, plan.changes) : 0;
  const recomputed = late.length > 0 ? await recomputeChanges(db, late) : 0;
  await updateLatestStatuses(db, plan.newest);
  const lateRows = late.reduce((sum, station) => sum + station.rows, 0);
  return { inserted: (appended ? plan.fresh.length : 0) + lateRows, changes: changes + recomputed };
}
