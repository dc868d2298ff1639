import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { eventsOfChanges, type AvailabilityEvent, type CountChange } from '../feeds/availability-events';
import { toDate } from './sql-values';

/** How far back a feed looks, from the newest stored report, and how many entries it holds. */
export const FEED_WINDOW_DAYS = 7;
export const FEED_MAX_ENTRIES = 100;

interface CountChangeRow extends Record<string, unknown> {
  station_id: string;
  name: string | null;
  reported_at: string | Date;
  bikes: number;
  prev_bikes: number;
  docks: number | null;
  prev_docks: number | null;
}

const toCountChange = (systemId: string) => (row: CountChangeRow): CountChange => ({
  systemId,
  stationId: row.station_id,
  name: row.name,
  reportedAt: toDate(row.reported_at),
  bikes: row.bikes,
  prevBikes: row.prev_bikes,
  docks: row.docks,
  prevDocks: row.prev_docks,
});

// The rows that cross 0 bikes or 0 docks either way (lib/feeds/availability-events.ts says which
// event each one makes); unknown docks count as not full.
const crossesEmptyOrFull = (table = '') => {
  const column = (name: string) => sql.raw(`${table}${name}`);
  return sql`((${column('bikes')} = 0) <> (${column('prev_bikes')} = 0) OR (coalesce(${column('docks')}, 1) = 0) <> (coalesce(${column('prev_docks')}, 1) = 0))`;
};
const WINDOW = sql.raw(`interval '${FEED_WINDOW_DAYS} days'`);

/**
 * A station's empty/full events over the week before its latest report, newest first: LAG over its
 * stored reports in that week plus the one before it, read by the history's (system, station, time) key.
 */
export async function listStationAvailabilityEvents(db: Database, systemId: string, stationId: string): Promise<AvailabilityEvent[]> {
  const result = await db.execute<CountChangeRow>(sql`
    WITH since AS (
      SELECT reported_at - ${WINDOW} AS at FROM stations WHERE system_id = ${systemId} AND station_id = ${stationId}
    ), reports AS (
      SELECT s.reported_at, s.bikes, s.docks FROM station_status s, since
      WHERE s.system_id = ${systemId} AND s.station_id = ${stationId} AND s.reported_at > since.at
      UNION ALL
      (SELECT s.reported_at, s.bikes, s.docks FROM station_status s, since
       WHERE s.system_id = ${systemId} AND s.station_id = ${stationId} AND s.reported_at <= since.at
       ORDER BY s.reported_at DESC LIMIT 1)
    ), lagged AS (
      SELECT reported_at, bikes, docks, LAG(bikes) OVER w AS prev_bikes, LAG(docks) OVER w AS prev_docks
      FROM reports WINDOW w AS (ORDER BY reported_at)
    )
    SELECT ${stationId}::text AS station_id, (SELECT name FROM stations WHERE system_id = ${systemId} AND station_id = ${stationId}) AS name,
           reported_at, bikes, prev_bikes, docks, prev_docks
    FROM lagged WHERE prev_bikes IS NOT NULL AND ${crossesEmptyOrFull()}
    ORDER BY reported_at DESC LIMIT ${FEED_MAX_ENTRIES}`);
  return eventsOfChanges(result.rows.map(toCountChange(systemId)), FEED_MAX_ENTRIES);
}

/**
 * A system's empty/full events over the week before its newest change, newest first, from
 * station_change (the LAG view's rows) walked down its (system, time) key until enough are found.
 */
export async function listSystemAvailabilityEvents(db: Database, systemId: string): Promise<AvailabilityEvent[]> {
  const result = await db.execute<CountChangeRow>(sql`
    SELECT c.station_id, st.name, c.reported_at, c.bikes, c.prev_bikes, c.docks, c.prev_docks
    FROM station_change c
    LEFT JOIN stations st ON st.system_id = c.system_id AND st.station_id = c.station_id
    WHERE c.system_id = ${systemId}
      AND c.reported_at > (SELECT max(reported_at) FROM station_change WHERE system_id = ${systemId}) - ${WINDOW}
      AND ${crossesEmptyOrFull('c.')}
    ORDER BY c.reported_at DESC, c.station_id DESC LIMIT ${FEED_MAX_ENTRIES}`);
  return eventsOfChanges(result.rows.map(toCountChange(systemId)), FEED_MAX_ENTRIES);
}
