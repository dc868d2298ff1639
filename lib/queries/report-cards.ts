import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import type { ReportSort } from '../stations/insights/report-card/report-sorts';
import type { StationDay } from '../stations/insights/report-card/types';

/** A station's days summed (the longest empty spell is the longest of any one day). */
export interface StationReport extends StationDay {
  name: string | null;
  /** Days with a report card in the range (a station that is new has fewer). */
  days: number;
}

export interface ReportCards {
  /** Local days, YYYY-MM-DD; `to` is the day of the system's latest feed update, whose cards are partial. */
  from: string;
  to: string;
  stations: StationReport[];
}

// Each order puts the station that served riders worst first; the station id breaks ties so pages are stable.
const ORDER: Record<ReportSort, SQL> = {
  'empty-minutes': sql`empty_seconds DESC`,
  'full-minutes': sql`full_seconds DESC`,
  'usable-share': sql`usable_daytime_seconds::float8 / nullif(daytime_seconds, 0) ASC NULLS LAST`,
  'longest-empty': sql`longest_empty_seconds DESC`,
  'silent-minutes': sql`silent_seconds DESC`,
  glitches: sql`glitches DESC`,
  rentals: sql`rentals DESC`,
  'truck-moves': sql`truck_in + truck_out DESC`,
};

interface CardRow extends Record<string, unknown> {
  range_from: string | null;
  range_to: string | null;
  station_id: string | null;
  name: string | null;
  days: number;
  observed_seconds: number;
  empty_seconds: number;
  full_seconds: number;
  longest_empty_seconds: number;
  daytime_seconds: number;
  usable_daytime_seconds: number;
  rentals: number;
  returns: number;
  truck_in: number;
  truck_out: number;
  glitches: number;
  silent_seconds: number;
}

/** Null when the system has no feed update yet. Each station's report card summed over the last `days` local days of the system (today included, partial). */
export async function getReportCards(db: Pick<Database, 'execute'>, systemId: string, days: number, sort: ReportSort, stationId?: string): Promise<ReportCards | null> {
  const result = await db.execute<CardRow>(sql`
    WITH span AS (
      SELECT (s.status_updated_at AT TIME ZONE s.timezone)::date - ${days - 1}::int AS first_day,
             (s.status_updated_at AT TIME ZONE s.timezone)::date AS last_day
      FROM systems s WHERE s.system_id = ${systemId}
    ), cards AS (
      SELECT r.station_id, count(*)::int AS days,
        sum(r.observed_seconds)::int AS observed_seconds, sum(r.empty_seconds)::int AS empty_seconds,
        sum(r.full_seconds)::int AS full_seconds, max(r.longest_empty_seconds)::int AS longest_empty_seconds,
        sum(r.daytime_seconds)::int AS daytime_seconds, sum(r.usable_daytime_seconds)::int AS usable_daytime_seconds,
        sum(r.rentals)::int AS rentals, sum(r.returns)::int AS returns, sum(r.truck_in)::int AS truck_in,
        sum(r.truck_out)::int AS truck_out, sum(r.glitches)::int AS glitches, sum(r.silent_seconds)::int AS silent_seconds
      FROM station_day_report r, span
      WHERE r.system_id = ${systemId} AND r.day BETWEEN span.first_day AND span.last_day
        ${stationId === undefined ? sql`` : sql`AND r.station_id = ${stationId}`}
      GROUP BY r.station_id
    )
    SELECT to_char(span.first_day, 'YYYY-MM-DD') AS range_from, to_char(span.last_day, 'YYYY-MM-DD') AS range_to, cards.*, st.name
    FROM span
    LEFT JOIN cards ON true
    LEFT JOIN stations st ON st.system_id = ${systemId} AND st.station_id = cards.station_id
    ORDER BY ${ORDER[sort]}, cards.station_id`);
  const first = result.rows[0];
  if (!first?.range_from || !first.range_to) return null;
  const stations = result.rows.flatMap((row) => (row.station_id === null ? [] : [{
    stationId: row.station_id,
    name: row.name,
    days: row.days,
    observedSeconds: row.observed_seconds,
    emptySeconds: row.empty_seconds,
    fullSeconds: row.full_seconds,
    longestEmptySeconds: row.longest_empty_seconds,
    daytimeSeconds: row.daytime_seconds,
    usableDaytimeSeconds: row.usable_daytime_seconds,
    rentals: row.rentals,
    returns: row.returns,
    truckIn: row.truck_in,
    truckOut: row.truck_out,
    glitches: row.glitches,
    silentSeconds: row.silent_seconds,
  }]));
  return { from: first.range_from, to: first.range_to, stations };
}
