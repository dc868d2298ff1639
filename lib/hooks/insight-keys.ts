import type { ReportDays, ReportSort } from '../stations/insights/report-card/report-sorts';

export const ACTIVITY_RANGES = ['today', '7d'] as const;
export type ActivityRange = (typeof ACTIVITY_RANGES)[number];

/** [path, range, zone]: the fetcher turns the range into from/to at fetch time, so the window slides. */
export function activityKey(systemId: string, range: ActivityRange, timeZone: string) {
  return [`/api/systems/${encodeURIComponent(systemId)}/activity`, range, timeZone] as const;
}

export function systemReportKey(systemId: string, days: ReportDays, sort: ReportSort): string {
  return `/api/systems/${encodeURIComponent(systemId)}/report?days=${days}&sort=${sort}`;
}

export function stationReportKey(systemId: string, stationId: string, days: ReportDays): string {
  return `/api/stations/${encodeURIComponent(systemId)}/${encodeURIComponent(stationId)}/report?days=${days}`;
}
