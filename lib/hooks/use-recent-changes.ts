import useSWR from 'swr';
import type { ChangeJson, ChangesResponse } from '../api/api-types';
import { fetchJson } from './fetch-json';
import { recentChangesKey } from './keys';
import { liveOptions, refreshMs } from './live-options';

const NONE: ChangeJson[] = [];

/** The newest changes for the map's changes layer, polled at the feed's ttl; nothing is fetched while it is off. */
export function useRecentChanges(systemId: string, ttlSeconds: number, enabled: boolean): ChangeJson[] {
  const { data } = useSWR<ChangesResponse, Error>(enabled ? recentChangesKey(systemId) : null, fetchJson, { ...liveOptions, refreshInterval: refreshMs(ttlSeconds) });
  return data?.changes ?? NONE;
}
