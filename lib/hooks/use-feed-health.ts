import useSWR from 'swr';
import type { SystemsResponse } from '../api/api-types';
import { fetchJson } from './fetch-json';
import { SYSTEMS_KEY } from './keys';
import { liveOptions, refreshMs } from './live-options';

/** Every system with its feed health, refreshed at the quickest feed's ttl (the systems page watches it live). */
export function useFeedHealth() {
  return useSWR<SystemsResponse, Error>(SYSTEMS_KEY, fetchJson, {
    ...liveOptions,
    refreshInterval: (latest) => refreshMs(latest?.systems.reduce<number | undefined>((least, system) => Math.min(least ?? system.ttlSeconds, system.ttlSeconds), undefined)),
  });
}
