/** Bikes moved in one time bucket, by cause. */
export interface ActivityCounts {
  rentals: number;
  returns: number;
  rebalancedIn: number;
  rebalancedOut: number;
  glitches: number;
}

export interface ActivityBucket extends ActivityCounts {
  start: Date;
}

const ZERO: ActivityCounts = { rentals: 0, returns: 0, rebalancedIn: 0, rebalancedOut: 0, glitches: 0 };

const floorTo = (time: Date, bucketSeconds: number) => Math.floor(time.getTime() / (bucketSeconds * 1000)) * bucketSeconds * 1000;

/**
 * Every bucket whose start lies in [from, to), the stored ones with their counts and the rest as
 * zeros, so a chart's gaps are quiet hours rather than missing data. Buckets are aligned to the
 * epoch (whole UTC hours), which are local hours in every zone with a whole-hour offset.
 */
export function fillBuckets(stored: readonly ActivityBucket[], from: Date, to: Date, bucketSeconds: number): ActivityBucket[] {
  const byStart = new Map(stored.map((bucket) => [bucket.start.getTime(), bucket]));
  const buckets: ActivityBucket[] = [];
  const step = bucketSeconds * 1000;
  for (let start = floorTo(from, bucketSeconds); start < to.getTime(); start += step) {
    buckets.push(byStart.get(start) ?? { start: new Date(start), ...ZERO });
  }
  return buckets;
}

export function sumActivity(buckets: readonly ActivityCounts[]): ActivityCounts {
  const total = { ...ZERO };
  for (const bucket of buckets) {
    total.rentals += bucket.rentals;
    total.returns += bucket.returns;
    total.rebalancedIn += bucket.rebalancedIn;
    total.rebalancedOut += bucket.rebalancedOut;
    total.glitches += bucket.glitches;
  }
  return total;
}
