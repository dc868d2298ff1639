import useSWR from 'swr';
import type { StationsResponse } from '../api/api-types';
import { fetchJson } from './fetch-json';
import { stationsKey } from './keys';
import { liveOptions, refreshMs } from './live-options';

/** Latest status of every station of a system, refreshed at the feed's ttl. */
export function useStations(systemId: string) {
  return useSWR<StationsResponse, Error>(stationsKey(systemId), fetchJson, {
    ...liveOptions,
    refreshInterval: (latest) => refreshMs(latest?.system.ttlSeconds),
  });
}
