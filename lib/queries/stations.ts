import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import { copyRows } from './copy-rows';
import { nullableBoolean, nullableNumber, nullableText, requiredDate, requiredNumber, requiredText } from './copy-text';

export interface StationNow {
  stationId: string;
  name: string | null;
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
}

/** One station, for its page: the list's fields and its address. */
export interface StationDetail extends StationNow {
  address: string | null;
}

// The list's columns; the station page's read puts the address before them (the list never shows it).
const NOW_COLUMNS = sql`station_id, name, lat, lon, capacity, bikes, ebikes, docks, is_installed, is_renting, is_returning, reported_at`;

/** Stations that have reported; the rest are only metadata so far. */
const selectReported = (columns: SQL, where: SQL, orderBy = sql``) =>
  sql`SELECT ${columns} FROM stations WHERE ${where} AND reported_at IS NOT NULL AND bikes IS NOT NULL ${orderBy}`;

// The fields in NOW_COLUMNS order, as COPY text (lib/queries/copy-rows.ts).
const toStationNow = ([stationId, name, lat, lon, capacity, bikes, ebikes, docks, isInstalled, isRenting, isReturning, reportedAt]: string[]): StationNow => ({
  stationId: requiredText(stationId),
  name: nullableText(name),
  lat: nullableNumber(lat),
  lon: nullableNumber(lon),
  capacity: nullableNumber(capacity),
  bikes: requiredNumber(bikes),
  ebikes: nullableNumber(ebikes),
  docks: nullableNumber(docks),
  isInstalled: nullableBoolean(isInstalled) ?? true,
  isRenting: nullableBoolean(isRenting) ?? true,
  isReturning: nullableBoolean(isReturning) ?? true,
  reportedAt: requiredDate(reportedAt),
});

/** Latest status of every station that has reported, with its metadata when the feed gave any. */
export async function listStationStatus(db: Database, systemId: string): Promise<StationNow[]> {
  return copyRows(db, selectReported(NOW_COLUMNS, sql`system_id = ${systemId}`, sql`ORDER BY name, station_id`), toStationNow);
}

export async function getStation(db: Database, systemId: string, stationId: string): Promise<StationDetail | null> {
  const [station] = await copyRows(db, selectReported(sql`address, ${NOW_COLUMNS}`, sql`system_id = ${systemId} AND station_id = ${stationId}`), ([address, ...fields]) => ({
    ...toStationNow(fields),
    address: nullableText(address),
  }));
  return station ?? null;
}
