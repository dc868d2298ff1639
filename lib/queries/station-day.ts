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
  const result = await db.execute<DayRow>(sql`
    WITH day AS (
      SELECT (date_trunc('day', ${now.toISOString()}::timestamptz AT TIME ZONE ${timezone}) AT TIME ZONE ${timezone}) AS start_at,
             ${now.toISOString()}::timestamptz AS end_at
    ),
    reports AS (
      (SELECT s.reported_at, s.bikes, s.docks, s.is_installed, s.is_renting
       FROM station_status s, day
       WHERE s.system_id = ${systemId} AND s.station_id = ${stationId} AND s.reported_at <= day.start_at
       ORDER BY s.reported_at DESC LIMIT 1)
      UNION ALL
      SELECT s.reported_at, s.bikes, s.docks, s.is_installed, s.is_renting
      FROM station_status s, day
      WHERE s.system_id = ${systemId} AND s.station_id = ${stationId} AND s.reported_at > day.start_at AND s.reported_at <= day.end_at
    ),
    spans AS (
      SELECT GREATEST(r.reported_at, day.start_at) AS start_at,
             COALESCE(LEAD(r.reported_at) OVER (ORDER BY r.reported_at), day.end_at) AS end_at,
             r.bikes, r.docks, r.is_installed, r.is_renting
      FROM reports r, day
    )
    SELECT
      COALESCE(SUM(EXTRACT(EPOCH FROM end_at - start_at)) FILTER (WHERE bikes = 0 AND is_installed AND is_renting), 0)::float8 AS seconds_empty,
      COALESCE(SUM(EXTRACT(EPOCH FROM end_at - start_at)) FILTER (WHERE docks = 0 AND is_installed), 0)::float8 AS seconds_full,
      COALESCE(MIN(start_at), (SELECT start_at FROM day)) AS since
    FROM spans`);
  const row = result.rows[0];
  if (!row) throw new Error('day stats query returned no row');
  return { minutesEmpty: row.seconds_empty / 60, minutesFull: row.seconds_full / 60, since: toDate(row.since) };
}
