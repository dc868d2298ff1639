import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { stationRevisions } from '../db/schema';
import type { StationRevision } from '../stations/station-history';

export const STATION_REVISIONS_SHOWN = 100;

/** A station's known versions (name, address, place, capacity), oldest first; the newest `limit` of them. */
export async function listStationRevisions(db: Database, systemId: string, stationId: string, limit = STATION_REVISIONS_SHOWN): Promise<StationRevision[]> {
  const rows = await db
    .select({
      seenAt: stationRevisions.seenAt,
      name: stationRevisions.name,
      address: stationRevisions.address,
      lat: stationRevisions.lat,
      lon: stationRevisions.lon,
      capacity: stationRevisions.capacity,
    })
    .from(stationRevisions)
    .where(and(eq(stationRevisions.systemId, systemId), eq(stationRevisions.stationId, stationId)))
    .orderBy(desc(stationRevisions.seenAt))
    .limit(limit);
  return rows.reverse();
}
