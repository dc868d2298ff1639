import type { ChangeCause } from '../causes/types';

/** One stored report; its state holds until the station's next report. */
export interface ReportForCard {
  stationId: string;
  reportedAt: Date;
  bikes: number;
  docks: number | null;
  isInstalled: boolean;
  isRenting: boolean;
  isReturning: boolean;
}

export interface CausedChange {
  stationId: string;
  reportedAt: Date;
  /** bikes - prevBikes */
  delta: number;
  cause: ChangeCause;
}

export interface DayInput {
  /** Local midnight. */
  dayStart: Date;
  /** The next local midnight, or the system's latest feed update for today. */
  dayEnd: Date;
  /** 07:00 and 22:00 local. */
  daytimeStart: Date;
  daytimeEnd: Date;
  /** Every station's reports of the day, each station's oldest possibly before dayStart (the one in force then), oldest first per station. */
  reports: readonly ReportForCard[];
  /** The system's changes in [dayStart, dayEnd) with their causes. */
  changes: readonly CausedChange[];
}

/** How one station fared on one local day; times in seconds. */
export interface StationDay {
  stationId: string;
  observedSeconds: number;
  /** No bikes while installed and renting. */
  emptySeconds: number;
  /** No free docks while installed and renting. */
  fullSeconds: number;
  longestEmptySeconds: number;
  daytimeSeconds: number;
  /** Daytime in which a rider could both take a bike and leave one. */
  usableDaytimeSeconds: number;
  rentals: number;
  returns: number;
  truckIn: number;
  truckOut: number;
  glitches: number;
  /** Daytime spells of 3 h or more without a rider's change while in service and while the system was busy. */
  silentSeconds: number;
}
