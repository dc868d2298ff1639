import useSWR from 'swr';
import type { StationChangesResponse } from '../api/station-api-types';
import { fetchJson } from './fetch-json';
import { liveOptions, refreshMs } from './live-options';
import { stationChangesKey } from './station-keys';
import { useStreamOpen } from './stream-state';

/** The station's latest changes from the LAG view, newest first. */
export function useStationChanges(systemId: string, stationId: string, ttlSeconds: number) {
  const streaming = useStreamOpen(systemId);
  return useSWR<StationChangesResponse, Error>(stationChangesKey(systemId, stationId), fetchJson, {
    ...liveOptions,
    refreshInterval: streaming ? 0 : refreshMs(ttlSeconds),
  });
}
