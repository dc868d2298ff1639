import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import type { ChangeCause } from '../stations/insights/causes/types';
import { encodeCursor, type ChangeCursor } from './cursor';
import { toDate } from './sql-values';

export interface StationChange {
  systemId: string;
  stationId: string;
  name: string | null;
  reportedAt: Date;
  prevReportedAt: Date;
  bikes: number;
  prevBikes: number;
  ebikes: number | null;
  prevEbikes: number | null;
  docks: number | null;
  prevDocks: number | null;
  /** Null until the classifier has decided (lib/stations/insights/causes). */
  cause: ChangeCause | null;
}

interface ChangeRow extends Record<string, unknown> {
  system_id: string;
  station_id: string;
  name: string | null;
  reported_at: string | Date;
  prev_reported_at: string | Date;
  bikes: number;
  prev_bikes: number;
  ebikes: number | null;
  prev_ebikes: number | null;
  docks: number | null;
  prev_docks: number | null;
  cause: ChangeCause | null;
}

const toChange = (row: ChangeRow): StationChange => ({
  systemId: row.system_id,
  stationId: row.station_id,
  name: row.name,
  reportedAt: toDate(row.reported_at),
  prevReportedAt: toDate(row.prev_reported_at),
  bikes: row.bikes,
  prevBikes: row.prev_bikes,
  ebikes: row.ebikes,
  prevEbikes: row.prev_ebikes,
  docks: row.docks,
  prevDocks: row.prev_docks,
  cause: row.cause,
});

export interface ChangePage {
  changes: StationChange[];
  next: string | null;
}

/**
 * Newest changes of a system, read from station_change (the view's rows, kept by the consumer) by
 * its (system_id, reported_at, station_id) key, so a page costs its own size whatever the history.
 * With a cause, the walk starts from change_cause's (system_id, cause, reported_at) index instead:
 * trucks are a few per cent of changes, and a page of them must not scan all the riders'.
 */
export async function listChanges(
  db: Database,
  options: { systemId: string; limit: number; before?: ChangeCursor | null; cause?: ChangeCause | null },
): Promise<ChangePage> {
  const { systemId, limit, before, cause } = options;
  const beforeClause = (alias: string) =>
    before
      ? sql`AND (${sql.raw(alias)}.reported_at, ${sql.raw(alias)}.station_id) < (${before.reportedAt.toISOString()}::timestamptz, ${before.stationId})`
      : sql``;
  const columns = sql`c.system_id, c.station_id, st.name, c.reported_at, c.prev_reported_at,
           c.bikes, c.prev_bikes, c.ebikes, c.prev_ebikes, c.docks, c.prev_docks, k.cause`;
  const result = await db.execute<ChangeRow>(
    cause
      ? sql`
    SELECT ${columns}
    FROM change_cause k
    JOIN station_change c ON c.system_id = k.system_id AND c.reported_at = k.reported_at AND c.station_id = k.station_id
    LEFT JOIN stations st ON st.system_id = c.system_id AND st.station_id = c.station_id
    WHERE k.system_id = ${systemId} AND k.cause = ${cause} ${beforeClause('k')}
    ORDER BY k.reported_at DESC, k.station_id DESC
    LIMIT ${limit + 1}`
      : sql`
    SELECT ${columns}
    FROM station_change c
    LEFT JOIN change_cause k ON k.system_id = c.system_id AND k.reported_at = c.reported_at AND k.station_id = c.station_id
    LEFT JOIN stations st ON st.system_id = c.system_id AND st.station_id = c.station_id
    WHERE c.system_id = ${systemId} ${beforeClause('c')}
    ORDER BY c.reported_at DESC, c.station_id DESC
    LIMIT ${limit + 1}`,
  );
  const changes = result.rows.slice(0, limit).map(toChange);
  const last = changes.at(-1);
  const next = result.rows.length > limit && last ? encodeCursor({ reportedAt: last.reportedAt, stationId: last.stationId }) : null;
  return { changes, next };
}

/**
 * A system's changes reported within [from, to], oldest (or newest) first, at most `limit` (the live stream's
 * read after a batch commits: one query per system, whatever the number of streams).
 */
export async function listChangesBetween(db: Database, options: { systemId: string; from: Date; to: Date; limit: number; newestFirst?: boolean }): Promise<StationChange[]> {
  const { systemId, from, to, limit } = options;
  const order = options.newestFirst ? sql`c.reported_at DESC, c.station_id DESC` : sql`c.reported_at, c.station_id`;
  const result = await db.execute<ChangeRow>(sql`
    SELECT c.system_id, c.station_id, st.name, c.reported_at, c.prev_reported_at,
           c.bikes, c.prev_bikes, c.ebikes, c.prev_ebikes, c.docks, c.prev_docks, k.cause
    FROM station_change c
    LEFT JOIN change_cause k ON k.system_id = c.system_id AND k.reported_at = c.reported_at AND k.station_id = c.station_id
    LEFT JOIN stations st ON st.system_id = c.system_id AND st.station_id = c.station_id
    WHERE c.system_id = ${systemId} AND c.reported_at BETWEEN ${from.toISOString()}::timestamptz AND ${to.toISOString()}::timestamptz
    ORDER BY ${order}
    LIMIT ${limit}`);
  return result.rows.map(toChange);
}

/** One station's changes, straight from the LAG view (the station filter pushes into its window partition). */
export async function listStationChanges(db: Database, systemId: string, stationId: string, limit: number): Promise<StationChange[]> {
  const result = await db.execute<ChangeRow>(sql`
    SELECT c.*, st.name, k.cause FROM station_status_change c
    LEFT JOIN stations st ON st.system_id = c.system_id AND st.station_id = c.station_id
    LEFT JOIN change_cause k ON k.system_id = c.system_id AND k.reported_at = c.reported_at AND k.station_id = c.station_id
    WHERE c.system_id = ${systemId} AND c.station_id = ${stationId}
    ORDER BY c.reported_at DESC LIMIT ${limit}`);
  return result.rows.map(toChange);
}
