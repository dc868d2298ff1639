/** A station's reports turned into what the availability chart draws and what its summary says. */

export interface SeriesPoint {
  reportedAt: string;
  bikes: number;
  ebikes: number | null;
  docks: number | null;
}

export interface ChartSeries {
  /** Unix seconds. */
  x: number[];
  bikes: number[];
  /** Null when no report in the range counted e-bikes (or docks): the line is left out. */
  ebikes: (number | null)[] | null;
  docks: (number | null)[] | null;
  /** Reports drawn, not counting the repeat at the end. */
  reports: number;
}

/**
 * Columns for step lines. A report's counts hold until the next one, so the last report is repeated
 * at `end` (now) to carry its line to the right edge. Reports after `end` are dropped.
 */
export function toChartSeries(points: SeriesPoint[], end: Date): ChartSeries {
  const endSeconds = end.getTime() / 1000;
  const shown = points.filter((point) => Date.parse(point.reportedAt) / 1000 <= endSeconds);
  const last = shown.at(-1);
  const rows = last && Date.parse(last.reportedAt) / 1000 < endSeconds ? [...shown, { ...last, reportedAt: end.toISOString() }] : shown;
  const ebikes = rows.map((point) => point.ebikes);
  const docks = rows.map((point) => point.docks);
  return {
    x: rows.map((point) => Date.parse(point.reportedAt) / 1000),
    bikes: rows.map((point) => point.bikes),
    ebikes: ebikes.some((value) => value !== null) ? ebikes : null,
    docks: docks.some((value) => value !== null) ? docks : null,
    reports: shown.length,
  };
}

export interface Span {
  min: number;
  max: number;
}

export interface RangeSummary {
  reports: number;
  bikes: Span;
  ebikes: Span | null;
  docks: Span | null;
}

function span(values: (number | null)[]): Span | null {
  const known = values.filter((value): value is number => value !== null);
  return known.length ? { min: Math.min(...known), max: Math.max(...known) } : null;
}

/** Lowest and highest counts in the range; null when there is no report. */
export function summarizeRange(points: SeriesPoint[]): RangeSummary | null {
  const bikes = span(points.map((point) => point.bikes));
  if (!bikes) return null;
  return { reports: points.length, bikes, ebikes: span(points.map((point) => point.ebikes)), docks: span(points.map((point) => point.docks)) };
}
