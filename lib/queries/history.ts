import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { copyRows } from './copy-rows';
import { nullableNumber, requiredDate, requiredNumber } from './copy-text';

export interface StatusPoint {
  reportedAt: Date;
  bikes: number;
  ebikes: number | null;
  docks: number | null;
  isInstalled: boolean;
  isRenting: boolean;
  isReturning: boolean;
}

export const MAX_HISTORY_POINTS = 20_000;

// The three flags read as one int field, bit by bit, and the rows read with COPY
// (lib/queries/copy-rows.ts): a day is 1,441 rows, and node-postgres makes a string of every field
// and parses it. Five fields instead of seven: p50 0.25-0.4 ms faster; COPY on top of that,
// 0.2-0.35 ms more (each measured call for call against the read before it, BENCHMARKS.md).
const FLAGS = sql`(is_installed::int | (is_renting::int << 1) | (is_returning::int << 2))`;
const INSTALLED = 1;
const RENTING = 2;
const RETURNING = 4;

// The fields in the select's order, as COPY text.
const toPoint = ([reportedAt, bikes, ebikes, docks, flagBits]: string[]): StatusPoint => {
  const flags = requiredNumber(flagBits);
  return {
    reportedAt: requiredDate(reportedAt),
    bikes: requiredNumber(bikes),
    ebikes: nullableNumber(ebikes),
    docks: nullableNumber(docks),
    isInstalled: (flags & INSTALLED) !== 0,
    isRenting: (flags & RENTING) !== 0,
    isReturning: (flags & RETURNING) !== 0,
  };
};

export interface HistoryPage {
  /** Oldest first. */
  points: StatusPoint[];
  /** When the range held more than `limit` reports: the time of the oldest one returned, the `before` of the next (older) page; else null. */
  next: Date | null;
}

/**
 * One station's reports between two times (or before `before`, for a later page), read along the
 * primary key. A page that reaches back to `from` starts with the report in force at `from` (counts
 * hold until the next report); when the range holds more than `limit` reports, the page is the
 * newest `limit` and says where the next one starts, so a client pages instead of losing the rest.
 */
export async function getStationHistoryPage(
  db: Database,
  systemId: string,
  stationId: string,
  from: Date,
  to: Date,
  options: { limit?: number; before?: Date | null } = {},
): Promise<HistoryPage> {
  const limit = options.limit ?? MAX_HISTORY_POINTS;
  const columns = sql`reported_at, bikes, ebikes, docks, ${FLAGS}`;
  const station = sql`system_id = ${systemId} AND station_id = ${stationId}`;
  const start = sql`${from.toISOString()}::timestamptz`;
  const end = options.before ? sql`reported_at < ${options.before.toISOString()}::timestamptz` : sql`reported_at <= ${to.toISOString()}::timestamptz`;
  // Both parts come backwards along the key and are merged, not sorted: the newest points fill the page.
  const points = await copyRows(db, sql`
    (SELECT ${columns} FROM station_status WHERE ${station} AND reported_at < ${start}
     ORDER BY reported_at DESC LIMIT 1)
    UNION ALL
    (SELECT ${columns} FROM station_status WHERE ${station} AND reported_at >= ${start} AND ${end}
     ORDER BY reported_at DESC LIMIT ${limit + 1})
    ORDER BY reported_at DESC`, toPoint);
  points.reverse();
  const inForce = points[0] && points[0].reportedAt < from ? 1 : 0;
  if (points.length - inForce <= limit) return { points, next: null };
  const page = points.slice(points.length - limit);
  return { points: page, next: page[0]?.reportedAt ?? null };
}

/** The first page of a station's reports between two times: the newest MAX_HISTORY_POINTS when there are more. */
export async function getStationHistory(db: Database, systemId: string, stationId: string, from: Date, to: Date): Promise<StatusPoint[]> {
  return (await getStationHistoryPage(db, systemId, stationId, from, to)).points;
}
