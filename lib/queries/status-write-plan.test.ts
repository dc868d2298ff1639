import { describe, expect, it } from 'vitest';
import type { StatusReport } from './store-records';
import { groupByStation, planStatusWrite, stationKey, type StoredLatest } from './status-write-plan';

const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 6, minute));

function report(stationId: string, minute: number, bikes: number, docks: number | null = 10 - bikes): StatusReport {
  return { systemId: 'oslo', stationId, reportedAt: at(minute), bikes, ebikes: null, docks, isInstalled: true, isRenting: true, isReturning: true };
}

const stored = (minute: number, bikes: number, docks: number | null = 10 - bikes): StoredLatest => ({ reportedAt: at(minute), bikes, ebikes: null, docks });

const planOf = (rows: StatusReport[], latest: Map<string, StoredLatest>) => planStatusWrite(groupByStation(rows), latest);

describe('planStatusWrite', () => {
  it('finds the changes of a new station among its own reports, out of batch order', () => {
    const plan = planOf([report('a', 2, 3), report('a', 0, 1), report('a', 1, 1)], new Map());
    expect(plan.fresh.map((r) => r.reportedAt)).toEqual([at(0), at(1), at(2)]);
    expect(plan.changes).toEqual([expect.objectContaining({ stationId: 'a', reportedAt: at(2), prevReportedAt: at(1), bikes: 3, prevBikes: 1, docks: 7, prevDocks: 9 })]);
    expect(plan.newest).toEqual([report('a', 2, 3)]);
  });

  it('compares the first new report with the latest stored one', () => {
    const latest = new Map([[stationKey('oslo', 'a'), stored(5, 4)]]);
    const plan = planOf([report('a', 6, 4), report('a', 7, 5)], latest);
    expect(plan.changes.map((c) => [c.reportedAt, c.prevReportedAt])).toEqual([[at(7), at(6)]]);
    const first = planOf([report('a', 6, 2)], latest);
    expect(first.changes).toEqual([expect.objectContaining({ reportedAt: at(6), prevReportedAt: at(5), bikes: 2, prevBikes: 4 })]);
  });

  it('counts a dock change with the same bikes, and a dock count turning unknown, as changes', () => {
    const plan = planOf([report('a', 0, 2, 8), report('a', 1, 2, 7), report('a', 2, 2, null), report('a', 3, 2, null)], new Map());
    expect(plan.changes.map((c) => c.reportedAt)).toEqual([at(1), at(2)]);
  });

  it('sets reports at or before the stored latest aside as stale, without changes', () => {
    const latest = new Map([[stationKey('oslo', 'a'), stored(5, 4)]]);
    const plan = planOf([report('a', 3, 1), report('a', 5, 4), report('a', 6, 9)], latest);
    expect(plan.stale.map((r) => r.reportedAt)).toEqual([at(3), at(5)]);
    expect(plan.fresh.map((r) => r.reportedAt)).toEqual([at(6)]);
    expect(plan.changes.map((c) => c.prevReportedAt)).toEqual([at(5)]);
  });

  it('keeps the first of two reports of one station at one time', () => {
    const plan = planOf([report('a', 0, 1), report('a', 1, 2), report('a', 1, 7)], new Map());
    expect(plan.fresh).toEqual([report('a', 0, 1), report('a', 1, 2)]);
    expect(plan.changes.map((c) => c.bikes)).toEqual([2]);
  });

  it('keeps stations and systems apart', () => {
    const other = { ...report('a', 1, 5), systemId: 'bergen' };
    const plan = planOf([report('a', 0, 1), other, report('b', 1, 5)], new Map());
    expect(plan.changes).toEqual([]);
    expect(plan.newest).toHaveLength(3);
  });
});
