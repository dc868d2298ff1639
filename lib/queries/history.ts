import { and, desc, eq, gte, lt, lte } from 'drizzle-orm';
import type { Database } from '../db/client';
import { stationStatus } from '../db/schema';

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

const columns = {
  reportedAt: stationStatus.reportedAt,
  bikes: stationStatus.bikes,
  ebikes: stationStatus.ebikes,
  docks: stationStatus.docks,
  isInstalled: stationStatus.isInstalled,
  isRenting: stationStatus.isRenting,
  isReturning: stationStatus.isReturning,
};

/**
 * One station's reports between two times, oldest first, read along the primary key. It starts
 * with the report in force at `from` (counts hold until the next report), and when a range holds
 * more than MAX_HISTORY_POINTS it keeps the newest ones.
 */
export async function getStationHistory(db: Database, systemId: string, stationId: string, from: Date, to: Date): Promise<StatusPoint[]> {
  const station = and(eq(stationStatus.systemId, systemId), eq(stationStatus.stationId, stationId));
  const [inRange, inForce] = await Promise.all([
    db
      .select(columns)
      .from(stationStatus)
      .where(and(station, gte(stationStatus.reportedAt, from), lte(stationStatus.reportedAt, to)))
      .orderBy(desc(stationStatus.reportedAt))
      .limit(MAX_HISTORY_POINTS),
    db.select(columns).from(stationStatus).where(and(station, lt(stationStatus.reportedAt, from))).orderBy(desc(stationStatus.reportedAt)).limit(1),
  ]);
  const points = inRange.reverse();
  return inForce[0] && points.length < MAX_HISTORY_POINTS ? [inForce[0], ...points] : points;
}
