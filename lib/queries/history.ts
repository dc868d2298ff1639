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

/**
 * One station's reports between two times, oldest first, read along the primary key. It starts
 * with the report in force at `from` (counts hold until the next report), and when a range holds
 * more than MAX_HISTORY_POINTS it keeps the newest ones.
 */
export async function getStationHistory(db: Database, systemId: string, stationId: string, from: Date, to: Date): Promise<StatusPoint[]> {
  const columns = sql`reported_at, bikes, ebikes, docks, ${FLAGS}`;
  const station = sql`system_id = ${systemId} AND station_id = ${stationId}`;
  const start = sql`${from.toISOString()}::timestamptz`;
  // Both parts come backwards along the key and are merged, not sorted: the newest points win the limit.
  const points = await copyRows(db, sql`
    (SELECT ${columns} FROM station_status WHERE ${station} AND reported_at < ${start}
     ORDER BY reported_at DESC LIMIT 1)
    UNION ALL
    (SELECT ${columns} FROM station_status WHERE ${station} AND reported_at >= ${start} AND reported_at <= ${to.toISOString()}::timestamptz
     ORDER BY reported_at DESC LIMIT ${MAX_HISTORY_POINTS})
    ORDER BY reported_at DESC`, toPoint);
  points.reverse();
  // More than the limit means a full range plus the report in force, which is the oldest.
  return points.length > MAX_HISTORY_POINTS ? points.slice(1) : points;
}
