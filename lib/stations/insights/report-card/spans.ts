import type { ReportForCard } from './types';

export interface Span {
  start: number;
  end: number;
  report: ReportForCard;
}

/** Each report's state as a span of [start, end) ms, clipped to [from, to); the station's reports oldest first. */
export function reportSpans(reports: readonly ReportForCard[], from: number, to: number): Span[] {
  const spans: Span[] = [];
  for (const [i, report] of reports.entries()) {
    const next = reports[i + 1];
    const start = Math.max(report.reportedAt.getTime(), from);
    const end = Math.min(next ? next.reportedAt.getTime() : to, to);
    if (end > start) spans.push({ start, end, report });
  }
  return spans;
}

export const overlap = (span: { start: number; end: number }, from: number, to: number) =>
  Math.max(0, Math.min(span.end, to) - Math.max(span.start, from));

export const inService = (report: ReportForCard) => report.isInstalled && report.isRenting;
export const isEmpty = (report: ReportForCard) => inService(report) && report.bikes === 0;
export const isFull = (report: ReportForCard) => inService(report) && report.docks === 0;
export const isUsable = (report: ReportForCard) =>
  inService(report) && report.isReturning && report.bikes > 0 && (report.docks === null || report.docks > 0);
