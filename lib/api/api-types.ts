import type { ChangeCause } from '../stations/insights/causes/types';
import type { SchemaProblem } from '../feed-health/problem-schema';
import type { SchemaVersion } from '../feed-health/schema-version';
import type { SystemTotals } from '../stations/availability';

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
  /** The GBFS version the feed declares; null for 1.x feeds, which declare none. */
  gbfsVersion: string | null;
}

/** How well a system's feed is doing: conformance to its GBFS schema and stations that went quiet. */
export interface FeedHealthJson {
  gbfsVersion: string | null;
  schemaCheck: { checkedAgainst: SchemaVersion | null; exact: boolean; label: string };
  problemCount: number;
  problems: SchemaProblem[];
  stationsReporting: number;
  /** Stations whose latest report is older than the rule in lib/stations/station-reporting.ts allows. */
  stationsNotReporting: number;
}

export interface SystemWithHealthJson extends SystemJson {
  health: FeedHealthJson;
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
  /** False once the station has been silent for longer than a heartbeat allows (see lib/stations/station-reporting.ts). */
  reporting: boolean;
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
  /** riders, rebalancing or glitch; null until classified, seconds after the change is stored. */
  cause: ChangeCause | null;
}

export interface SystemsResponse {
  systems: SystemWithHealthJson[];
}

export interface StationsResponse {
  system: SystemJson;
  stations: StationJson[];
}

export interface ChangesResponse {
  changes: ChangeJson[];
  next: string | null;
}

/** /api/stream's `system` event: the feed's freshness and the totals of its reporting stations. */
export interface StreamSystemJson {
  system: SystemJson;
  totals: SystemTotals;
}

export interface ErrorResponse {
  error: string;
}
