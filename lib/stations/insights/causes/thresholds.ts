const MINUTE_MS = 60_000;

/** Longest a truck is taken to need from a pickup's last report to a drop-off's first: 5 km across town plus loading, with margin. */
export const MAX_DRIVE_MS = 40 * MINUTE_MS;

/** How long a verdict may still change: a pickup waits for its drop-off, which can come a drive and a split report later. */
export const CAUSE_SETTLE_MS = 60 * MINUTE_MS;

/** How far before the oldest change to classify the job must read: a drop-off looks back a drive and a split report for its pickup. */
export const CAUSE_LOOKBACK_MS = 60 * MINUTE_MS;

/** A one-report jump at least this large (at a one-minute cadence) is a truck or spike candidate; see jumpMinimum for longer gaps. */
export const JUMP_MIN_BIKES = 4;

/** Each part of a truck's move split over two reports moves at least this many bikes. */
export const SPLIT_PART_MIN_BIKES = 2;

/** A truck loads or unloads within minutes: two reports further apart than this are riders' flow, not one split move. */
export const MAX_SPLIT_GAP_MS = 5 * MINUTE_MS;

/** An unmatched increase this large is a drop-off: riders do not arrive together. */
export const LARGE_DROP_OFF_BIKES = 6;

/** No truck crosses town faster than this (between the report before a pickup and the report after its drop-off). */
export const FASTEST_TRUCK_M_PER_MS = 50_000 / 3_600_000;

/** A typical truck's door-to-door time: 20 km/h across town plus five minutes to load and unload; pairs nearest it win. */
export const typicalDriveMs = (metres: number) => metres / (20_000 / 3_600_000) + 5 * MINUTE_MS;

/** A pickup and a drop-off pair up only if the smaller is at least this share of the larger. */
export const PAIR_SIZE_RATIO = 0.5;

/** Local hours [from, to) when riders are too few for a jump of NIGHT_MIN_BIKES to be theirs. */
export const NIGHT_HOURS = { from: 1, to: 5 } as const;
export const NIGHT_MIN_BIKES = 3;

/** A whole-system blip: at least this share of the system's stations (and BLIP_MIN_STATIONS) change and revert together. */
export const BLIP_STATION_SHARE = 0.5;
export const BLIP_MIN_STATIONS = 10;
/** ...and at most this many stations jumping the other way for each one jumping with the blip. */
export const BLIP_OTHER_WAY_SHARE = 0.1;

/**
 * Riders' net change at one station grows with the time between reports, so the jump threshold does too:
 * the one-minute threshold plus the square root of the extra minutes (20 minutes: 4 + 4 = 8).
 */
export function jumpMinimum(gapMs: number): number {
  const extraMinutes = Math.max(0, gapMs / MINUTE_MS - 1);
  return JUMP_MIN_BIKES + Math.round(Math.sqrt(extraMinutes));
}
