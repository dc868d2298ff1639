import useSWR from 'swr';
import type { StationsResponse } from '../api/api-types';
import { fetchJson } from './fetch-json';
import { stationsKey } from './keys';
import { liveOptions, refreshMs } from './live-options';
import { useStreamOpen } from './stream-state';

/** Latest status of every station of a system, refreshed at the feed's ttl. */
export function useStations(systemId: string) {
  const streaming = useStreamOpen(systemId);
  return useSWR<StationsResponse, Error>(stationsKey(systemId), fetchJson, {
    ...liveOptions,
    refreshInterval: (latest) => (streaming ? 0 : refreshMs(latest?.system.ttlSeconds)),
  });
}
