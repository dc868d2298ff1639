import type { ChangeJson, ChangesResponse, StationJson, StationsResponse, SystemJson } from './api-types';
import { systemJson } from '../http/system-json';
import type { ChangePage, StationChange } from '../queries/changes';
import type { StationNow } from '../queries/stations';
import type { SystemSummary } from '../queries/systems';
import { latestFeedUpdate, reportingCutoff } from '../stations/station-reporting';

/** Query results turned into the API's JSON shape in one place, for the route handlers and the server pages alike. */

export function toSystemJson(system: SystemSummary, now = Date.now()): SystemJson {
  const json = systemJson(system, now);
  return { ...json, statusUpdatedAt: json.statusUpdatedAt?.toISOString() ?? null, polledAt: json.polledAt.toISOString() };
}

/** `cutoff` is the system's reporting cutoff (lib/stations/station-reporting.ts): older reports are not reporting. */
export function toStationJson(station: StationNow, cutoff: Date): StationJson {
  return {
    stationId: station.stationId,
    name: station.name,
    lat: station.lat,
    lon: station.lon,
    capacity: station.capacity,
    bikes: station.bikes,
    ebikes: station.ebikes,
    docks: station.docks,
    isInstalled: station.isInstalled,
    isRenting: station.isRenting,
    isReturning: station.isReturning,
    reportedAt: station.reportedAt.toISOString(),
    reporting: station.reportedAt.getTime() >= cutoff.getTime(),
  };
}

export function systemReportingCutoff(system: SystemSummary, heartbeatSeconds: number): Date {
  return reportingCutoff(latestFeedUpdate(system), system.ttlSeconds, heartbeatSeconds);
}

export function toChangeJson(change: StationChange): ChangeJson {
  return {
    systemId: change.systemId,
    stationId: change.stationId,
    name: change.name,
    reportedAt: change.reportedAt.toISOString(),
    prevReportedAt: change.prevReportedAt.toISOString(),
    bikes: change.bikes,
    prevBikes: change.prevBikes,
    docks: change.docks,
    prevDocks: change.prevDocks,
    cause: change.cause,
  };
}

export function toStationsResponse(system: SystemSummary, stations: StationNow[], heartbeatSeconds: number, now = Date.now()): StationsResponse {
  const cutoff = systemReportingCutoff(system, heartbeatSeconds);
  return { system: toSystemJson(system, now), stations: stations.map((station) => toStationJson(station, cutoff)) };
}

export function toChangesResponse(page: ChangePage): ChangesResponse {
  return { changes: page.changes.map(toChangeJson), next: page.next };
}
