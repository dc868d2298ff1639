import { describe, expect, it } from 'vitest';
import { summarizeRange, toChartSeries, type SeriesPoint } from './station-series';

const point = (reportedAt: string, bikes: number, docks: number | null, ebikes: number | null = null): SeriesPoint => ({ reportedAt, bikes, docks, ebikes });
const seconds = (iso: string) => Date.parse(iso) / 1000;

describe('toChartSeries', () => {
  const points = [point('2024-09-10T10:00:00Z', 3, 7, 1), point('2024-09-10T10:05:00Z', 2, 8, 0)];

  it('carries the last report to the end of the range, since its counts still hold', () => {
    const series = toChartSeries(points, new Date('2024-09-10T11:00:00Z'));
    expect(series.x).toEqual([seconds('2024-09-10T10:00:00Z'), seconds('2024-09-10T10:05:00Z'), seconds('2024-09-10T11:00:00Z')]);
    expect(series.bikes).toEqual([3, 2, 2]);
    expect(series.docks).toEqual([7, 8, 8]);
    expect(series.ebikes).toEqual([1, 0, 0]);
    expect(series.reports).toBe(2);
  });

  it('adds nothing when the last report is at the end, and drops reports after it', () => {
    const series = toChartSeries([...points, point('2024-09-10T12:00:00Z', 9, 1)], new Date('2024-09-10T10:05:00Z'));
    expect(series.bikes).toEqual([3, 2]);
    expect(series.reports).toBe(2);
  });

  it('leaves out e-bikes and docks when no report counted them', () => {
    const series = toChartSeries([point('2024-09-10T10:00:00Z', 3, null)], new Date('2024-09-10T11:00:00Z'));
    expect(series.ebikes).toBeNull();
    expect(series.docks).toBeNull();
  });

  it('is empty without reports', () => {
    expect(toChartSeries([], new Date())).toEqual({ x: [], bikes: [], ebikes: null, docks: null, reports: 0 });
  });
});

describe('summarizeRange', () => {
  it('gives the lowest and highest counts, ignoring missing ones', () => {
    const summary = summarizeRange([point('2024-09-10T10:00:00Z', 3, 7), point('2024-09-10T10:05:00Z', 0, null, 2), point('2024-09-10T10:09:00Z', 5, 4)]);
    expect(summary).toEqual({ reports: 3, bikes: { min: 0, max: 5 }, ebikes: { min: 2, max: 2 }, docks: { min: 4, max: 7 } });
  });

  it('is null without reports', () => {
    expect(summarizeRange([])).toBeNull();
  });
});
