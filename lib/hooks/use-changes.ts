import { useMemo } from 'react';
import useSWRInfinite from 'swr/infinite';
import type { ChangeJson, ChangesResponse } from '../api/api-types';
import type { ChangeCause } from '../stations/insights/causes/types';
import { fetchJson } from './fetch-json';
import { changesPageKey } from './keys';
import { liveOptions, refreshMs } from './live-options';
import { useStreamOpen } from './stream-state';

/**
 * The change feed, newest first. The newest page is polled at the feed's ttl; older pages are
 * loaded on demand and chained from the page before, so the list never has gaps or repeats. With a
 * cause, only that cause's changes (a change is classified seconds after it is stored).
 */
export function useChanges(systemId: string, ttlSeconds: number, cause: ChangeCause | null = null) {
  const streaming = useStreamOpen(systemId);
  const getKey = useMemo(() => changesPageKey(systemId, cause), [systemId, cause]);
  const { data, error, size, setSize, isValidating } = useSWRInfinite<ChangesResponse, Error>(getKey, fetchJson, {
    ...liveOptions,
    refreshInterval: streaming ? 0 : refreshMs(ttlSeconds),
  });
  const changes = useMemo<ChangeJson[]>(() => data?.flatMap((page) => page.changes) ?? [], [data]);
  return {
    changes,
    error,
    hasOlder: Boolean(data?.at(-1)?.next),
    isLoadingOlder: isValidating && (data?.length ?? 0) < size,
    loadOlder: () => setSize(size + 1),
  };
}
