import type { ChangeJson, ChangesResponse, StationJson, StationsResponse, SystemJson } from './api-types';
import { systemJson } from './http/system-json';
import type { ChangePage, StationChange } from './queries/changes';
import type { StationNow } from './queries/stations';
import type { SystemSummary } from './queries/systems';

/** Query results turned into the API's JSON shape once, for the route handlers and the server pages alike. */

export function toSystemJson(system: SystemSummary, now = Date.now()): SystemJson {
  const json = systemJson(system, now);
  return { ...json, statusUpdatedAt: json.statusUpdatedAt?.toISOString() ?? null, polledAt: json.polledAt.toISOString() };
}

export function toStationJson(station: StationNow): StationJson {
  const { address: _address, lastSeen: _lastSeen, reportedAt, ...rest } = station;
  return { ...rest, reportedAt: reportedAt.toISOString() };
}

export function toChangeJson(change: StationChange): ChangeJson {
  const { ebikes: _ebikes, prevEbikes: _prevEbikes, reportedAt, prevReportedAt, ...rest } = change;
  return { ...rest, reportedAt: reportedAt.toISOString(), prevReportedAt: prevReportedAt.toISOString() };
}

export function toStationsResponse(system: SystemSummary, stations: StationNow[], now = Date.now()): StationsResponse {
  return { system: toSystemJson(system, now), stations: stations.map(toStationJson) };
}

export function toChangesResponse(page: ChangePage): ChangesResponse {
  return { changes: page.changes.map(toChangeJson), next: page.next };
}
