import { describe, expect, it } from 'vitest';
import { barGeometry, CHART, niceCeiling } from './activity-scale';

const bucket = (rentals: number, returns: number, truckIn = 0, truckOut = 0) => ({
  start: '2026-12-07T08:00:00.000Z', rentals, returns, rebalancedIn: truckIn, rebalancedOut: truckOut, glitches: 0,
});

describe('activity chart scale', () => {
  it('rounds the axis up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 3, 17, 20, 101, 4999].map(niceCeiling)).toEqual([1, 1, 5, 20, 20, 200, 5000]);
  });

  it('stacks rentals and returns to the full height at the busiest bucket, trucks on their own scale', () => {
    const { bars, riderMax, truckMax } = barGeometry([bucket(30, 20), bucket(5, 0, 4, 6)]);
    expect(riderMax).toBe(50);
    expect(truckMax).toBe(10);
    expect(bars[0]!.rentals + bars[0]!.returns).toBe(CHART.riderHeight);
    expect(bars[1]!.trucks).toBe(CHART.truckHeight);
    expect(bars[1]!.x).toBe(CHART.width / 2);
  });
});
