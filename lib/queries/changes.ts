import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
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
});

export interface ChangePage {
  changes: StationChange[];
  next: string | null;
}

/**
 * Newest changes of a system, the same rows as the station_status_change view, but led by the
 * (system_id, reported_at, station_id) index with each report's predecessor fetched by primary key,
 * so the cost follows the page size, not the length of the history.
 */
export async function listChanges(db: Database, options: { systemId: string; limit: number; before?: ChangeCursor | null }): Promise<ChangePage> {
  const { systemId, limit, before } = options;
  const beforeClause = before
    ? sql`AND (s.reported_at, s.station_id) < (${before.reportedAt.toISOString()}::timestamptz, ${before.stationId})`
    : sql``;
  const result = await db.execute<ChangeRow>(sql`
    SELECT s.system_id, s.station_id, st.name, s.reported_at, p.reported_at AS prev_reported_at,
           s.bikes, p.bikes AS prev_bikes, s.ebikes, p.ebikes AS prev_ebikes, s.docks, p.docks AS prev_docks
    FROM station_status s
    CROSS JOIN LATERAL (
      SELECT reported_at, bikes, ebikes, docks FROM station_status p
      WHERE p.system_id = s.system_id AND p.station_id = s.station_id AND p.reported_at < s.reported_at
      ORDER BY p.reported_at DESC LIMIT 1
    ) p
    LEFT JOIN stations st ON st.system_id = s.system_id AND st.station_id = s.station_id
    WHERE s.system_id = ${systemId} ${beforeClause}
      AND (s.bikes IS DISTINCT FROM p.bikes OR s.docks IS DISTINCT FROM p.docks)
    ORDER BY s.reported_at DESC, s.station_id DESC
    LIMIT ${limit + 1}`);
  const changes = result.rows.slice(0, limit).map(toChange);
  const last = changes.at(-1);
  const next = result.rows.length > limit && last ? encodeCursor({ reportedAt: last.reportedAt, stationId: last.stationId }) : null;
  return { changes, next };
}

/** One station's changes, straight from the LAG view (the station filter pushes into its window partition). */
export async function listStationChanges(db: Database, systemId: string, stationId: string, limit: number): Promise<StationChange[]> {
  const result = await db.execute<ChangeRow>(sql`
    SELECT c.*, st.name FROM station_status_change c
    LEFT JOIN stations st ON st.system_id = c.system_id AND st.station_id = c.station_id
    WHERE c.system_id = ${systemId} AND c.station_id = ${stationId}
    ORDER BY c.reported_at DESC LIMIT ${limit}`);
  return result.rows.map(toChange);
}
