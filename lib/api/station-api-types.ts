import type { ChangeJson, StationJson, SystemJson } from './api-types';
import type { StationHistory } from '../stations/station-history';

/** The station page's API responses (and the page's SWR fallback). Dates are ISO strings. */

export interface StationDetailJson extends StationJson {
  address: string | null;
}

export interface StationDayJson {
  minutesEmpty: number;
  minutesFull: number;
  since: string;
}

export interface StationResponse {
  system: SystemJson;
  station: StationDetailJson;
  today: StationDayJson;
  /** Renames, moves and capacity changes from station_revision, newest first. */
  history: StationHistory;
}

export interface StatusPointJson {
  reportedAt: string;
  bikes: number;
  ebikes: number | null;
  docks: number | null;
  isInstalled: boolean;
  isRenting: boolean;
  isReturning: boolean;
}

export interface StationHistoryResponse {
  systemId: string;
  stationId: string;
  from: string;
  to: string;
  capacity: number | null;
  points: StatusPointJson[];
  /** True when the range holds more reports than one page: `points` are the newest, and `next` pages back. */
  truncated: boolean;
  /** Pass as `before` (same `from`) for the older reports; null on the last page. */
  next: string | null;
}

export interface StationChangesResponse {
  changes: ChangeJson[];
}
