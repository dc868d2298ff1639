import useSWR from 'swr';
import type { ActivityResponse } from '../api/activity-types';
import { localMidnight } from '../time/local-midnight';
import { fetchJson } from './fetch-json';
import { activityKey, type ActivityRange } from './insight-keys';
import { liveOptions } from './live-options';

const DAY_MS = 86_400_000;

async function fetchActivity([path, range, timeZone]: ReturnType<typeof activityKey>): Promise<ActivityResponse> {
  const to = new Date();
  const midnight = localMidnight(to, timeZone);
  const from = range === 'today' ? midnight : new Date(midnight.getTime() - 6 * DAY_MS);
  const query = new URLSearchParams({ from: from.toISOString(), to: to.toISOString(), bucket: range === 'today' ? '15m' : '1h' });
  return fetchJson<ActivityResponse>(`${path}?${query}`);
}

/** Riders' and trucks' bikes per quarter hour today, or per hour over the last 7 days; refreshed every minute. */
export function useActivity(systemId: string, range: ActivityRange, timeZone: string) {
  return useSWR<ActivityResponse, Error, ReturnType<typeof activityKey>>(activityKey(systemId, range, timeZone), fetchActivity, {
    ...liveOptions,
    revalidateIfStale: true,
    keepPreviousData: true,
    refreshInterval: 60_000,
  });
}
