import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import { selectRowArrays } from './row-arrays';

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

type StationRow = [
  stationId: string,
  name: string | null,
  address: string | null,
  lat: number | null,
  lon: number | null,
  capacity: number | null,
  bikes: number,
  ebikes: number | null,
  docks: number | null,
  isInstalled: boolean | null,
  isRenting: boolean | null,
  isReturning: boolean | null,
  reportedAt: string,
  lastSeen: string,
];

/** Stations that have reported; the rest are only metadata so far. */
const selectReported = (where: SQL, orderBy = sql``) =>
  sql`SELECT station_id, name, address, lat, lon, capacity, bikes, ebikes, docks, is_installed, is_renting, is_returning, reported_at, last_seen
      FROM stations WHERE ${where} AND reported_at IS NOT NULL AND bikes IS NOT NULL ${orderBy}`;

const toStationNow = ([stationId, name, address, lat, lon, capacity, bikes, ebikes, docks, isInstalled, isRenting, isReturning, reportedAt, lastSeen]: StationRow): StationNow => ({
  stationId,
  name,
  address,
  lat,
  lon,
  capacity,
  bikes,
  ebikes,
  docks,
  isInstalled: isInstalled ?? true,
  isRenting: isRenting ?? true,
  isReturning: isReturning ?? true,
  reportedAt: new Date(reportedAt),
  lastSeen: new Date(lastSeen),
});

/** Latest status of every station that has reported, with its metadata when the feed gave any. */
export async function listStationStatus(db: Database, systemId: string): Promise<StationNow[]> {
  const rows = await selectRowArrays<StationRow>(db, selectReported(sql`system_id = ${systemId}`, sql`ORDER BY name, station_id`));
  return rows.map(toStationNow);
}

export async function getStation(db: Database, systemId: string, stationId: string): Promise<StationNow | null> {
  const [row] = await selectRowArrays<StationRow>(db, selectReported(sql`system_id = ${systemId} AND station_id = ${stationId}`));
  return row ? toStationNow(row) : null;
}
