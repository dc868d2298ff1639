import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import type { CausedChange, ReportForCard, StationDay } from '../stations/insights/report-card/types';
import { unnested } from './sql-arrays';
import { toDate } from './sql-values';

type Executor = Pick<Database, 'execute'>;

export interface DayBounds {
  dayStart: Date;
  nextMidnight: Date;
  daytimeStart: Date;
  daytimeEnd: Date;
}

/** A local day's midnight, next midnight and 07:00-22:00, by PostgreSQL's zone rules (23 and 25 hour days included). */
export async function localDayBounds(db: Executor, timeZone: string, day: string): Promise<DayBounds> {
  const result = await db.execute<{ day_start: string; next_midnight: string; daytime_start: string; daytime_end: string }>(sql`
    SELECT (${day}::date::timestamp AT TIME ZONE ${timeZone}) AS day_start,
           ((${day}::date + 1)::timestamp AT TIME ZONE ${timeZone}) AS next_midnight,
           ((${day}::date + time '07:00') AT TIME ZONE ${timeZone}) AS daytime_start,
           ((${day}::date + time '22:00') AT TIME ZONE ${timeZone}) AS daytime_end`);
  const row = result.rows[0];
  if (!row) throw new Error('no day bounds');
  return { dayStart: toDate(row.day_start), nextMidnight: toDate(row.next_midnight), daytimeStart: toDate(row.daytime_start), daytimeEnd: toDate(row.daytime_end) };
}

export async function localDayOf(db: Executor, timeZone: string, time: Date): Promise<string> {
  const result = await db.execute<{ day: string }>(sql`SELECT to_char((${time.toISOString()}::timestamptz AT TIME ZONE ${timeZone})::date, 'YYYY-MM-DD') AS day`);
  return result.rows[0]!.day;
}

/** The local day the system's first station was seen: where its report cards begin. */
export async function firstLocalDay(db: Executor, systemId: string, timeZone: string): Promise<string | null> {
  const result = await db.execute<{ day: string | null }>(sql`
    SELECT to_char((min(first_seen) AT TIME ZONE ${timeZone})::date, 'YYYY-MM-DD') AS day FROM stations WHERE system_id = ${systemId}`);
  return result.rows[0]?.day ?? null;
}

/** Every station's reports in [from, to), each led by the report in force at `from` (one index probe per station). */
export async function listReportsForDay(db: Executor, systemId: string, from: Date, to: Date): Promise<ReportForCard[]> {
  const result = await db.execute<{ station_id: string; reported_at: string; bikes: number; docks: number | null; is_installed: boolean; is_renting: boolean; is_returning: boolean }>(sql`
    SELECT st.station_id, r.reported_at, r.bikes, r.docks, r.is_installed, r.is_renting, r.is_returning
    FROM stations st
    CROSS JOIN LATERAL (
      (SELECT s.reported_at, s.bikes, s.docks, s.is_installed, s.is_renting, s.is_returning FROM station_status s
       WHERE s.system_id = st.system_id AND s.station_id = st.station_id AND s.reported_at <= ${from.toISOString()}::timestamptz
       ORDER BY s.reported_at DESC LIMIT 1)
      UNION ALL
      SELECT s.reported_at, s.bikes, s.docks, s.is_installed, s.is_renting, s.is_returning FROM station_status s
      WHERE s.system_id = st.system_id AND s.station_id = st.station_id
        AND s.reported_at > ${from.toISOString()}::timestamptz AND s.reported_at < ${to.toISOString()}::timestamptz
    ) r
    WHERE st.system_id = ${systemId}
    ORDER BY st.station_id, r.reported_at`);
  return result.rows.map((row) => ({
    stationId: row.station_id,
    reportedAt: toDate(row.reported_at),
    bikes: row.bikes,
    docks: row.docks,
    isInstalled: row.is_installed,
    isRenting: row.is_renting,
    isReturning: row.is_returning,
  }));
}

export async function listCausedChanges(db: Executor, systemId: string, from: Date, to: Date): Promise<CausedChange[]> {
  const result = await db.execute<{ station_id: string; reported_at: string; delta: number; cause: CausedChange['cause'] }>(sql`
    SELECT c.station_id, c.reported_at, c.bikes - c.prev_bikes AS delta, k.cause
    FROM station_change c
    JOIN change_cause k ON k.system_id = c.system_id AND k.reported_at = c.reported_at AND k.station_id = c.station_id
    WHERE c.system_id = ${systemId} AND c.reported_at >= ${from.toISOString()}::timestamptz AND c.reported_at < ${to.toISOString()}::timestamptz`);
  return result.rows.map((row) => ({ stationId: row.station_id, reportedAt: toDate(row.reported_at), delta: row.delta, cause: row.cause }));
}

/** Replaces a day's report cards for the system. */
export async function storeStationDays(db: Executor, systemId: string, day: string, days: readonly StationDay[]): Promise<void> {
  await db.execute(sql`DELETE FROM station_day_report WHERE system_id = ${systemId} AND day = ${day}::date`);
  if (days.length === 0) return;
  const int = (pick: (d: StationDay) => number) => unnested(days, pick, 'int');
  await db.execute(sql`
    INSERT INTO station_day_report (system_id, station_id, day, observed_seconds, empty_seconds, full_seconds, longest_empty_seconds,
      daytime_seconds, usable_daytime_seconds, rentals, returns, truck_in, truck_out, glitches, silent_seconds)
    SELECT ${systemId}, ${unnested(days, (d) => d.stationId, 'text')}, ${day}::date, ${int((d) => d.observedSeconds)}, ${int((d) => d.emptySeconds)},
      ${int((d) => d.fullSeconds)}, ${int((d) => d.longestEmptySeconds)}, ${int((d) => d.daytimeSeconds)}, ${int((d) => d.usableDaytimeSeconds)},
      ${int((d) => d.rentals)}, ${int((d) => d.returns)}, ${int((d) => d.truckIn)}, ${int((d) => d.truckOut)}, ${int((d) => d.glitches)},
      ${int((d) => d.silentSeconds)}`);
}

export async function setReportProgress(db: Executor, systemId: string, progress: { reportedThrough: string | null; todayReportedAt: Date | null }): Promise<void> {
  await db.execute(sql`
    UPDATE cause_progress SET reported_through = ${progress.reportedThrough}::date,
      today_reported_at = ${progress.todayReportedAt?.toISOString() ?? null}::timestamptz
    WHERE system_id = ${systemId}`);
}
