/** The app's own shapes, whatever GBFS version a feed speaks. Times are epoch milliseconds. */

export interface SystemInfo {
  systemId: string;
  name: string;
  timezone: string;
  language: string | null;
  operator: string | null;
  licenseUrl: string | null;
}

export interface StationInfo {
  systemId: string;
  stationId: string;
  name: string;
  address: string | null;
  lat: number;
  lon: number;
  capacity: number | null;
}

export interface StationStatus {
  systemId: string;
  stationId: string;
  reportedAt: number;
  bikes: number;
  ebikes: number | null;
  docks: number | null;
  isInstalled: boolean;
  isRenting: boolean;
  isReturning: boolean;
}

/** A record that could not be used, with the reason; it goes to the dead-letter topic. */
export interface Rejected {
  feed: string;
  reason: string;
  stationId?: string;
  raw: unknown;
}

export interface Parsed<T> {
  items: T[];
  rejected: Rejected[];
}
