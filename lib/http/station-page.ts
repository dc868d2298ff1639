import { systemReportingCutoff, toStationJson, toSystemJson } from '../api/api-json';
import type { Database } from '../db/client';
import { env } from '../runtime/env';
import type { HistoryPage } from '../queries/history';
import { getStationDayStats } from '../queries/station-day';
import { listStationRevisions } from '../queries/station-revisions';
import { getStation } from '../queries/stations';
import { getSystem } from '../queries/systems';
import type { StationHistoryResponse, StationResponse } from '../api/station-api-types';
import { describeStationHistory } from '../stations/station-history';

/** Live status, system and today's minutes empty/full of one station: the page's first paint and its SWR refresh. */
export async function loadStationResponse(
  db: Database,
  systemId: string,
  stationId: string,
  now = new Date(),
  readStation: (systemId: string, stationId: string) => ReturnType<typeof getStation> = (system, station) => getStation(db, system, station),
): Promise<StationResponse | null> {
  const [system, station] = await Promise.all([getSystem(db, systemId), readStation(systemId, stationId)]);
  if (!system || !station) return null;
  const [today, revisions] = await Promise.all([getStationDayStats(db, systemId, stationId, system.timezone, now), listStationRevisions(db, systemId, stationId)]);
  return {
    system: toSystemJson(system, now.getTime()),
    station: { ...toStationJson(station, systemReportingCutoff(system, env().HEARTBEAT_SECONDS)), address: station.address },
    today: { ...today, since: today.since.toISOString() },
    history: describeStationHistory(revisions),
  };
}

export function toStationHistoryResponse(ids: { systemId: string; stationId: string }, from: Date, to: Date, capacity: number | null, page: HistoryPage): StationHistoryResponse {
  return {
    ...ids,
    from: from.toISOString(),
    to: to.toISOString(),
    capacity,
    points: page.points.map((point) => ({ ...point, reportedAt: point.reportedAt.toISOString() })),
    truncated: page.next !== null,
    next: page.next?.toISOString() ?? null,
  };
}
