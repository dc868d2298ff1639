import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { toDate } from './sql-values';

export interface StationDayStats {
  minutesEmpty: number;
  minutesFull: number;
  /** Start of the measured span: local midnight, or the station's first report if that came later. */
  since: Date;
}

interface DayRow extends Record<string, unknown> {
  seconds_empty: number;
  seconds_full: number;
  since: string | Date;
}

/**
 * Time the station spent empty and full since midnight in `timezone`, up to `now`. Each stored
 * report's state holds until the next report (or `now`); the report in force at midnight counts from
 * midnight. Empty: no bikes while installed and renting. Full: no free docks while installed (a
 * station taken out of service reports zeros and is closed, not full).
 */
export async function getStationDayStats(db: Database, systemId: string, stationId: string, timezone: string, now: Date): Promise<StationDayStats> {
  // Plain expressions rather than a CTE, so both bounds become index conditions on the primary key.
  const end = sql`${now.toISOString()}::timestamptz`;
  const midnight = sql`(date_trunc('day', ${end} AT TIME ZONE ${timezone}) AT TIME ZONE ${timezone})`;
  const station = sql`s.system_id = ${systemId} AND s.station_id = ${stationId}`;
  const result = await db.execute<DayRow>(sql`
    WITH reports AS (
      (SELECT s.reported_at, s.bikes, s.docks, s.is_installed, s.is_renting FROM station_status s
       WHERE ${station} AND s.reported_at <= ${midnight}
       ORDER BY s.reported_at DESC LIMIT 1)
      UNION ALL
      SELECT s.reported_at, s.bikes, s.docks, s.is_installed, s.is_renting FROM station_status s
      WHERE ${station} AND s.reported_at > ${midnight} AND s.reported_at <= ${end}
    ),
    spans AS (
      SELECT GREATEST(reported_at, ${midnight}) AS start_at,
             COALESCE(LEAD(reported_at) OVER (ORDER BY reported_at), ${end}) AS end_at,
             bikes, docks, is_installed, is_renting
      FROM reports
    )
    SELECT
      COALESCE(SUM(EXTRACT(EPOCH FROM end_at - start_at)) FILTER (WHERE bikes = 0 AND is_installed AND is_renting), 0)::float8 AS seconds_empty,
      COALESCE(SUM(EXTRACT(EPOCH FROM end_at - start_at)) FILTER (WHERE docks = 0 AND is_installed), 0)::float8 AS seconds_full,
      COALESCE(MIN(start_at), ${midnight}) AS since
    FROM spans`);
  const row = result.rows[0];
  if (!row) throw new Error('day stats query returned no row');
  return { minutesEmpty: row.seconds_empty / 60, minutesFull: row.seconds_full / 60, since: toDate(row.since) };
}
