import type { ReportCards, StationReport } from '../queries/report-cards';
import type { ReportDays, ReportSort } from '../stations/insights/report-card/report-sorts';
import type { ReportResponse, StationReportJson } from './report-types';

const minutes = (seconds: number) => Math.round(seconds / 60);

export function toStationReportJson(report: StationReport): StationReportJson {
  return {
    stationId: report.stationId,
    name: report.name,
    days: report.days,
    emptyMinutes: minutes(report.emptySeconds),
    fullMinutes: minutes(report.fullSeconds),
    longestEmptyMinutes: minutes(report.longestEmptySeconds),
    usableDaytimeShare: report.daytimeSeconds > 0 ? Math.round((report.usableDaytimeSeconds / report.daytimeSeconds) * 1000) / 1000 : null,
    rentals: report.rentals,
    returns: report.returns,
    truckIn: report.truckIn,
    truckOut: report.truckOut,
    glitches: report.glitches,
    silentMinutes: minutes(report.silentSeconds),
  };
}

export function toReportResponse(systemId: string, days: ReportDays, sort: ReportSort, cards: ReportCards): ReportResponse {
  return { systemId, days, sort, from: cards.from, to: cards.to, stations: cards.stations.map(toStationReportJson) };
}
