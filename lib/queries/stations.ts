import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Database } from '../db/client';
import { stations } from '../db/schema';

export interface StationNow {
  stationId: string;
  name: string | null;
  address: string | null;
  lat: number | null;
  lon: number | null;
  capacity: number | null;
  bikes: number;
  ebikes: number | null;
  docks: number | null;
  isInstalled: boolean;
  isRenting: boolean;
  isReturning: boolean;
  reportedAt: Date;
  lastSeen: Date;
}

const columns = {
  stationId: stations.stationId,
  name: stations.name,
  address: stations.address,
  lat: stations.lat,
  lon: stations.lon,
  capacity: stations.capacity,
  bikes: stations.bikes,
  ebikes: stations.ebikes,
  docks: stations.docks,
  isInstalled: stations.isInstalled,
  isRenting: stations.isRenting,
  isReturning: stations.isReturning,
  reportedAt: stations.reportedAt,
  lastSeen: stations.lastSeen,
};

type Selected = { [K in keyof typeof columns]: (typeof columns)[K]['_']['data'] | null };

function toStationNow(row: Selected): StationNow | null {
  if (row.reportedAt === null || row.bikes === null) return null;
  return {
    ...row,
    stationId: row.stationId as string,
    bikes: row.bikes,
    reportedAt: row.reportedAt,
    lastSeen: row.lastSeen as Date,
    isInstalled: row.isInstalled ?? true,
    isRenting: row.isRenting ?? true,
    isReturning: row.isReturning ?? true,
  };
}

/** Latest status of every station that has reported, with its metadata when the feed gave any. */
export async function listStationStatus(db: Database, systemId: string): Promise<StationNow[]> {
  const rows = await db
    .select(columns)
    .from(stations)
    .where(and(eq(stations.systemId, systemId), isNotNull(stations.reportedAt)))
    .orderBy(asc(stations.name), asc(stations.stationId));
  return rows.map(toStationNow).filter((station): station is StationNow => station !== null);
}

export async function getStation(db: Database, systemId: string, stationId: string): Promise<StationNow | null> {
  const [row] = await db
    .select(columns)
    .from(stations)
    .where(and(eq(stations.systemId, systemId), eq(stations.stationId, stationId)));
  return row ? toStationNow(row) : null;
}
