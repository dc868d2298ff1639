import type { StationReport } from '../queries/report-cards';
import type { StationReportJson } from './report-types';

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
