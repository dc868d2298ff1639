import useSWR from 'swr';
import type { StationHistoryResponse } from '../api/station-api-types';
import { fetchJson } from './fetch-json';
import { liveOptions } from './live-options';
import { HISTORY_RANGES, stationHistoryKey, type HistoryRange } from './station-keys';

/** A history response labelled with the range it answers (the server's fallback is labelled '24h'). */
export type RangeHistory = StationHistoryResponse & { range: HistoryRange };

const HOUR_MS = 3600_000;

async function fetchHistory([path, range]: ReturnType<typeof stationHistoryKey>): Promise<RangeHistory> {
  const to = new Date();
  const from = new Date(to.getTime() - HISTORY_RANGES[range] * HOUR_MS);
  const query = new URLSearchParams({ from: from.toISOString(), to: to.toISOString() });
  return { ...(await fetchJson<StationHistoryResponse>(`${path}?${query}`)), range };
}

/**
 * The station's reports over the last 24 h or 7 d, the window sliding up to now on every refresh.
 * While another range loads, the previous one stays on screen: `data.range` says which it is.
 */
export function useStationHistory(systemId: string, stationId: string, range: HistoryRange) {
  return useSWR<RangeHistory, Error, ReturnType<typeof stationHistoryKey>>(stationHistoryKey(systemId, stationId, range), fetchHistory, {
    ...liveOptions,
    // The server's fallback covers the first mount; a range picked again later is refetched.
    revalidateOnMount: false,
    revalidateIfStale: true,
    keepPreviousData: true,
    refreshInterval: 60_000,
  });
}
