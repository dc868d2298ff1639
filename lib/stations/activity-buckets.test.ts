import { describe, expect, it } from 'vitest';
import { fillBuckets, sumActivity } from './activity-buckets';

const at = (hour: number, minute = 0) => new Date(Date.UTC(2026, 11, 7, hour, minute));
const counts = (rentals: number) => ({ rentals, returns: rentals - 1, rebalancedIn: 2, rebalancedOut: 1, glitches: 0 });

describe('fillBuckets', () => {
  it('gives every hour of the range, with zeros where nothing was stored', () => {
    const buckets = fillBuckets([{ start: at(9), ...counts(5) }], at(8, 30), at(11), 3_600);
    expect(buckets.map((b) => b.start.toISOString())).toEqual([at(8).toISOString(), at(9).toISOString(), at(10).toISOString()]);
    expect(buckets.map((b) => b.rentals)).toEqual([0, 5, 0]);
  });

  it('gives quarter hours for 15-minute buckets and leaves out a bucket that starts at `to`', () => {
    expect(fillBuckets([], at(8), at(9), 900)).toHaveLength(4);
  });
});

describe('sumActivity', () => {
  it('adds every count', () => {
    expect(sumActivity([counts(5), counts(3)])).toEqual({ rentals: 8, returns: 6, rebalancedIn: 4, rebalancedOut: 2, glitches: 0 });
  });
});
