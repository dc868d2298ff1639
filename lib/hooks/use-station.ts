import useSWR from 'swr';
import type { StationResponse } from '../api/station-api-types';
import { fetchJson } from './fetch-json';
import { liveOptions, refreshMs } from './live-options';
import { stationKey } from './station-keys';
import { useStreamOpen } from './stream-state';

/** One station's live status and today's minutes empty and full, refreshed at the feed's ttl. */
export function useStation(systemId: string, stationId: string) {
  const streaming = useStreamOpen(systemId);
  return useSWR<StationResponse, Error>(stationKey(systemId, stationId), fetchJson, {
    ...liveOptions,
    refreshInterval: (latest) => (streaming ? 0 : refreshMs(latest?.system.ttlSeconds)),
  });
}
