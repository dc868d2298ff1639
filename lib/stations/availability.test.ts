import { describe, expect, it } from 'vitest';
import { availabilityLevel, isFeedStale, systemTotals } from './availability';

const open = { isInstalled: true, isRenting: true };

describe('availabilityLevel', () => {
  it('tells a rider whether a station has bikes and docks', () => {
    expect(availabilityLevel({ ...open, bikes: 0, docks: 10 })).toBe('empty');
    expect(availabilityLevel({ ...open, bikes: 2, docks: 10 })).toBe('low');
    expect(availabilityLevel({ ...open, bikes: 8, docks: 2 })).toBe('ok');
    expect(availabilityLevel({ ...open, bikes: 12, docks: 0 })).toBe('full');
  });

  it('shows a station out of service as closed, whatever its counts', () => {
    expect(availabilityLevel({ bikes: 5, docks: 5, isInstalled: false, isRenting: true })).toBe('closed');
    expect(availabilityLevel({ bikes: 5, docks: 5, isInstalled: true, isRenting: false })).toBe('closed');
  });

  it('does not call a virtual station without a dock count full', () => {
    expect(availabilityLevel({ ...open, bikes: 4, docks: null })).toBe('ok');
  });
});

describe('systemTotals', () => {
  it('adds up bikes, e-bikes and docks and counts empty, full and closed stations', () => {
    const totals = systemTotals([
      { ...open, bikes: 0, ebikes: 0, docks: 10 },
      { ...open, bikes: 10, ebikes: 3, docks: 0 },
      { ...open, bikes: 5, ebikes: null, docks: null },
      { bikes: 2, ebikes: 1, docks: 3, isInstalled: false, isRenting: false },
    ]);
    expect(totals).toEqual({ stations: 4, bikes: 17, ebikes: 4, docks: 13, emptyStations: 1, fullStations: 1, closedStations: 1 });
  });
});

describe('isFeedStale', () => {
  const now = Date.UTC(2026, 10, 27, 12);
  it('warns when the feed is older than three times its ttl', () => {
    expect(isFeedStale(new Date(now - 50_000), 15, now)).toBe(true);
    expect(isFeedStale(new Date(now - 40_000), 15, now)).toBe(false);
  });

  it('allows at least 30 s for feeds with a tiny ttl, and is stale with no update at all', () => {
    expect(isFeedStale(new Date(now - 29_000), 0, now)).toBe(false);
    expect(isFeedStale(new Date(now - 31_000), 0, now)).toBe(true);
    expect(isFeedStale(null, 15, now)).toBe(true);
  });
});
