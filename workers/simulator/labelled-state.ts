/** A rider on the way: rented at one station, returning to another at `returnAt` (city seconds). */
export interface Trip {
  to: number;
  returnAt: number;
  ebike: boolean;
}

/** A rebalancing truck: loading at `from` (some loads split over two ticks), driving, then unloading at `to`. */
export interface Truck {
  from: number;
  to: number;
  /** Bikes still to load at `from`, then bikes carried. */
  toLoad: number;
  carried: number;
  arriveAt: number;
  phase: 'loading' | 'driving' | 'unloading';
}

export type GlitchKind = 'zero-zero' | 'spike' | 'above-capacity';

/** A station's report shows something else than it has, for `ticksLeft` more reports. */
export interface FeedGlitch {
  station: number;
  kind: GlitchKind;
  ticksLeft: number;
  /** Spike: bikes added to (or taken from) what the station has; above capacity: bikes above capacity. */
  size: number;
}

/** Riders and trucks at each station in the tick just made; index = station. */
export interface TickMoves {
  ridersTaken: Int32Array;
  ridersBrought: Int32Array;
  trucksTaken: Int32Array;
  trucksBrought: Int32Array;
}

export const emptyMoves = (stations: number): TickMoves => ({
  ridersTaken: new Int32Array(stations),
  ridersBrought: new Int32Array(stations),
  trucksTaken: new Int32Array(stations),
  trucksBrought: new Int32Array(stations),
});

/** The labelled model's state beside the city's counts; a city without it runs the classic model. */
export interface LabelledActivity {
  trips: readonly Trip[];
  trucks: readonly Truck[];
  glitches: readonly FeedGlitch[];
  /** Rentals still to come from an event that ended last tick: [station, count]. */
  burst: readonly [number, number] | null;
  /** City seconds until which a station is left alone by trucks, once one has called (crews do not undo each other). */
  truckCooldown: Float64Array;
  /** This tick's whole-system blip. */
  blip: boolean;
  moves: TickMoves;
}
