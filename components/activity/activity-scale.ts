import type { ActivityBucketJson } from '@/lib/api/activity-types';

export const CHART = { width: 720, riderHeight: 150, truckHeight: 60, axis: 22 } as const;

/** A round top for the axis: 1, 2 or 5 times a power of ten, at least `value`. */
export function niceCeiling(value: number): number {
  if (value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((m) => m * power >= value) ?? 10;
  return step * power;
}

export interface BarGeometry {
  x: number;
  width: number;
  rentals: number;
  returns: number;
  trucks: number;
}

/** Bar heights in chart units: riders stacked above the line, trucks' bikes (in + out) below it, each on its own scale. */
export function barGeometry(buckets: readonly ActivityBucketJson[]): { bars: BarGeometry[]; riderMax: number; truckMax: number } {
  const riderMax = niceCeiling(Math.max(0, ...buckets.map((b) => b.rentals + b.returns)));
  const truckMax = niceCeiling(Math.max(0, ...buckets.map((b) => b.rebalancedIn + b.rebalancedOut)));
  const slot = CHART.width / Math.max(1, buckets.length);
  const bars = buckets.map((b, i) => ({
    x: i * slot,
    width: Math.max(1, slot * 0.8),
    rentals: (b.rentals / riderMax) * CHART.riderHeight,
    returns: (b.returns / riderMax) * CHART.riderHeight,
    trucks: ((b.rebalancedIn + b.rebalancedOut) / truckMax) * CHART.truckHeight,
  }));
  return { bars, riderMax, truckMax };
}
