/** The truth about one station at one tick of a labelled simulator run; ticks with nothing to say are left out. */
export interface StationTickLabel {
  stationId: string;
  /** Unix milliseconds of the tick: the reported_at of the station's report at that tick. */
  at: number;
  ridersTaken: number;
  ridersBrought: number;
  trucksTaken: number;
  trucksBrought: number;
  /** The report at this tick shows counts the station did not have (zero/zero, a spike, above capacity, a blip). */
  glitch: boolean;
}
