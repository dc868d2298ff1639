/** What moved the bikes in one change: riders renting and returning, the operator's trucks, or the feed itself. */
export const CHANGE_CAUSES = ['riders', 'rebalancing', 'glitch'] as const;
export type ChangeCause = (typeof CHANGE_CAUSES)[number];

/** One row of station_change: a report whose counts differ from the station's report before it. */
export interface ChangeForCause {
  stationId: string;
  reportedAt: Date;
  prevReportedAt: Date;
  bikes: number;
  prevBikes: number;
  docks: number | null;
  prevDocks: number | null;
}

export interface StationForCause {
  stationId: string;
  capacity: number | null;
  lat: number | null;
  lon: number | null;
}

export interface CauseInput {
  /** Every change of one system from a look-back before the changes to classify up to `at`, oldest first. */
  changes: readonly ChangeForCause[];
  stations: ReadonlyMap<string, StationForCause>;
  /** The system's IANA time zone, for night moves. */
  timeZone: string;
  /** The system's latest feed update: a change whose next report could still arrive after it is not settled. */
  at: Date;
}

export interface CauseVerdict {
  cause: ChangeCause;
  /** False while a later report could still change the verdict (e.g. a spike that may revert); the job classifies it again. */
  settled: boolean;
  /** The rule that decided, named in INSIGHTS.md, so a surprising verdict can be explained. */
  rule: string;
}
