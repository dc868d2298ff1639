import { and, asc, between, eq } from 'drizzle-orm';
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

/** One station's stored reports between two times, oldest first, read along the primary key. */
export async function getStationHistory(db: Database, systemId: string, stationId: string, from: Date, to: Date): Promise<StatusPoint[]> {
  return db
    .select({
      reportedAt: stationStatus.reportedAt,
      bikes: stationStatus.bikes,
      ebikes: stationStatus.ebikes,
      docks: stationStatus.docks,
      isInstalled: stationStatus.isInstalled,
      isRenting: stationStatus.isRenting,
      isReturning: stationStatus.isReturning,
    })
    .from(stationStatus)
    .where(and(eq(stationStatus.systemId, systemId), eq(stationStatus.stationId, stationId), between(stationStatus.reportedAt, from, to)))
    .orderBy(asc(stationStatus.reportedAt))
    .limit(MAX_HISTORY_POINTS);
}
