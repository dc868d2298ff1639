'use client';

import { useSWRConfig } from 'swr';
import { unstable_serialize } from 'swr/infinite';
import type { ChangesResponse, StationsResponse } from '@/lib/api/api-types';
import { changesPageKey, stationsKey } from '@/lib/hooks/keys';
import { withPushedChange, withPushedStation, withPushedSystem } from '@/lib/hooks/live-cache';
import { useLiveStream } from '@/lib/hooks/use-live-stream';
import { CHANGE_CAUSES } from '@/lib/stations/insights/causes/types';

const FEEDS = [null, ...CHANGE_CAUSES] as const;

/**
 * Keeps the map, the totals and (with `changes`) the change feed current from /api/stream: each
 * pushed event is written into SWR's cache, so every component reading it updates at once.
 */
export function LiveStream({ systemId, changes = true }: { systemId: string; changes?: boolean }) {
  const { mutate } = useSWRConfig();
  const stations = stationsKey(systemId);
  // The page's fallback is not in SWR's cache: until a fetch puts the list there, a push cannot be merged, so it fetches.
  const patchStations = (patch: (current: StationsResponse) => StationsResponse) =>
    void mutate<StationsResponse>(
      stations,
      (current) => {
        if (!current) setTimeout(() => void mutate(stations), 0);
        return current && patch(current);
      },
      { revalidate: false },
    );
  useLiveStream(systemId, {
    station: (station) => patchStations((current) => withPushedStation(current, station)),
    system: ({ system }) => patchStations((current) => withPushedSystem(current, system)),
    change: changes
      ? (change) => {
          for (const cause of FEEDS) {
            const key = unstable_serialize(changesPageKey(systemId, cause));
            void mutate<ChangesResponse[]>(
              key,
              (pages) => {
                const merged = withPushedChange(pages, change, cause);
                // Nothing cached yet (the page's fallback is not in the cache), or grown past its bound: refetched instead.
                if (!merged) setTimeout(() => void mutate(key), 0);
                return merged ?? pages;
              },
              { revalidate: false },
            );
          }
        }
      : undefined,
    refetch: () => {
      void mutate(stations);
      if (changes) for (const cause of FEEDS) void mutate(unstable_serialize(changesPageKey(systemId, cause)));
    },
  });
  return null;
}
