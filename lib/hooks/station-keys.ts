import { unstable_serialize } from 'swr';

/** SWR keys of the station page: the API URLs, built once so the server's fallback and the hooks agree. */

export const STATION_CHANGES_SHOWN = 20;
export const HISTORY_RANGES = { '24h': 24, '7d': 7 * 24 } as const;
export type HistoryRange = keyof typeof HISTORY_RANGES;

const stationPath = (systemId: string, stationId: string) => `/api/stations/${encodeURIComponent(systemId)}/${encodeURIComponent(stationId)}`;

export function stationKey(systemId: string, stationId: string): string {
  return stationPath(systemId, stationId);
}

export function stationChangesKey(systemId: string, stationId: string): string {
  return `${stationPath(systemId, stationId)}/changes?limit=${STATION_CHANGES_SHOWN}`;
}

/** The history window slides with time, so the key names the range and the fetcher picks the times. */
export function stationHistoryKey(systemId: string, stationId: string, range: HistoryRange) {
  return [`${stationPath(systemId, stationId)}/history`, range] as const;
}

export function stationHistoryFallbackKey(systemId: string, stationId: string, range: HistoryRange): string {
  return unstable_serialize(stationHistoryKey(systemId, stationId, range));
}
