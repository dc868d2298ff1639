/** The JSON the public API returns (and the pages hand to SWR as fallback). Dates are ISO strings. */

export interface SystemJson {
  systemId: string;
  name: string;
  timezone: string;
  operator: string | null;
  licenseUrl: string | null;
  ttlSeconds: number;
  simulated: boolean;
  statusUpdatedAt: string | null;
  polledAt: string;
  stationCount: number;
  feedAgeSeconds: number | null;
  stale: boolean;
}

export interface StationJson {
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
  reportedAt: string;
}

export interface ChangeJson {
  systemId: string;
  stationId: string;
  name: string | null;
  reportedAt: string;
  prevReportedAt: string;
  bikes: number;
  prevBikes: number;
  docks: number | null;
  prevDocks: number | null;
}

export interface SystemsResponse {
  systems: SystemJson[];
}

export interface StationsResponse {
  system: SystemJson;
  stations: StationJson[];
}

export interface ChangesResponse {
  changes: ChangeJson[];
  next: string | null;
}

export interface ErrorResponse {
  error: string;
}
