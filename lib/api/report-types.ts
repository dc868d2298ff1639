import type { ReportDays, ReportSort } from '../stations/insights/report-card/report-sorts';

/** One station's report card over the requested days. Minutes are whole minutes. */
export interface StationReportJson {
  stationId: string;
  name: string | null;
  /** Days with a card in the range: fewer for a station that is new. */
  days: number;
  emptyMinutes: number;
  fullMinutes: number;
  longestEmptyMinutes: number;
  /** Share of observed daytime (07-22 local) a rider could both take and leave a bike; null with no daytime observed. */
  usableDaytimeShare: number | null;
  rentals: number;
  returns: number;
  truckIn: number;
  truckOut: number;
  glitches: number;
  /** Daytime spent 3 h or more without a rider's change while the system was busy: a stuck bike or a broken dock. */
  silentMinutes: number;
}

/** GET /api/systems/{system}/report?days=1|7|30&sort=… */
export interface ReportResponse {
  systemId: string;
  days: ReportDays;
  sort: ReportSort;
  /** Local days, YYYY-MM-DD; `to` is the day of the latest feed update, so its cards are partial. */
  from: string;
  to: string;
  stations: StationReportJson[];
}
