import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { selectRowArrays } from './row-arrays';

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

type PointRow = [reportedAt: string, bikes: number, ebikes: number | null, docks: number | null, isInstalled: boolean, isRenting: boolean, isReturning: boolean];

const toPoint = ([reportedAt, bikes, ebikes, docks, isInstalled, isRenting, isReturning]: PointRow): StatusPoint => ({
  reportedAt: new Date(reportedAt),
  bikes,
  ebikes,
  docks,
  isInstalled,
  isRenting,
  isReturning,
});

/**
 * One station's reports between two times, oldest first, read along the primary key. It starts
 * with the report in force at `from` (counts hold until the next report), and when a range holds
 * more than MAX_HISTORY_POINTS it keeps the newest ones.
 */
export async function getStationHistory(db: Database, systemId: string, stationId: string, from: Date, to: Date): Promise<StatusPoint[]> {
  const columns = sql`reported_at, bikes, ebikes, docks, is_installed, is_renting, is_returning`;
  const station = sql`system_id = ${systemId} AND station_id = ${stationId}`;
  const start = sql`${from.toISOString()}::timestamptz`;
  // Both parts come backwards along the key and are merged, not sorted: the newest points win the limit.
  const rows = await selectRowArrays<PointRow>(db, sql`
    (SELECT ${columns} FROM station_status WHERE ${station} AND reported_at < ${start}
     ORDER BY reported_at DESC LIMIT 1)
    UNION ALL
    (SELECT ${columns} FROM station_status WHERE ${station} AND reported_at >= ${start} AND reported_at <= ${to.toISOString()}::timestamptz
     ORDER BY reported_at DESC LIMIT ${MAX_HISTORY_POINTS})
    ORDER BY reported_at DESC`);
  const points = rows.map(toPoint).reverse();
  // More than the limit means a full range plus the report in force, which is the oldest.
  return points.length > MAX_HISTORY_POINTS ? points.slice(1) : points;
}
