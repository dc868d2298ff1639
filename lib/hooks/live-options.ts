import type { SWRConfiguration } from 'swr';

const MAX_RETRY_MS = 30_000;

/** How often to poll a feed with this ttl: at its ttl, but never more than every 2 s. */
export function refreshMs(ttlSeconds: number | undefined): number {
  return Math.max(ttlSeconds ?? 10, 2) * 1000;
}

export const liveOptions: SWRConfiguration = {
  // The server page's fallback is fresh: the first poll can wait for the interval.
  revalidateIfStale: false,
  // A lost server is retried every few seconds, never minutes (SWR's default backoff grows to ~20 min).
  onErrorRetry: (_error, _key, _config, revalidate, { retryCount }) => {
    setTimeout(() => void revalidate({ retryCount }), Math.min(MAX_RETRY_MS, 2_000 * 2 ** Math.min(retryCount, 4)));
  },
};
