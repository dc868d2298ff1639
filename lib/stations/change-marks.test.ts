import { describe, expect, it } from 'vitest';
import type { ChangeJson } from '../api/api-types';
import { arrivedAfter, changeDelta, recentChanges } from './change-marks';

const change = (stationId: string, minute: number, bikes = 3, prevBikes = 2): ChangeJson => ({
  systemId: 's', stationId, name: stationId, reportedAt: new Date(Date.UTC(2026, 11, 7, 8, minute)).toISOString(),
  prevReportedAt: new Date(Date.UTC(2026, 11, 7, 7, 0)).toISOString(), bikes, prevBikes, docks: 10 - bikes, prevDocks: 10 - prevBikes, cause: null,
});

describe('changeDelta', () => {
  it('tells a gain from a loss of bikes', () => {
    expect(changeDelta(change('a', 0, 5, 2))).toEqual({ what: 'bikes', delta: 3 });
    expect(changeDelta(change('a', 0, 1, 4))).toEqual({ what: 'bikes', delta: -3 });
  });

  it('falls back to docks when only they changed, and to nothing', () => {
    expect(changeDelta({ bikes: 2, prevBikes: 2, docks: 7, prevDocks: 8 })).toEqual({ what: 'docks', delta: -1 });
    expect(changeDelta({ bikes: 2, prevBikes: 2, docks: null, prevDocks: 8 })).toBeNull();
  });
});

describe('recentChanges', () => {
  it('keeps the last minutes by the feed clock, one a station, newest first', () => {
    const recent = recentChanges([change('a', 0), change('b', 50), change('a', 55), change('c', 58)], 15);
    expect(recent.map(({ change: c, ageMs }) => `${c.stationId}@${ageMs / 60_000}`)).toEqual(['c@0', 'a@3', 'b@8']);
  });
});

describe('arrivedAfter', () => {
  it('gives the changes newer than the last seen, oldest first', () => {
    const changes = [change('c', 9), change('b', 7), change('a', 5)];
    expect(arrivedAfter(changes, changes[2]!.reportedAt).map((c) => c.stationId)).toEqual(['b', 'c']);
    expect(arrivedAfter(changes, '')).toHaveLength(3);
  });
});
