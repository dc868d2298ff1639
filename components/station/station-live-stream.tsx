'use client';

import { useRef } from 'react';
import { useSWRConfig } from 'swr';
import { stationChangesKey, stationKey } from '@/lib/hooks/station-keys';
import { useLiveStream } from '@/lib/hooks/use-live-stream';

// Today's minutes empty and full grow while nothing changes: refreshed this often on the feed's updates.
const DAY_STATS_REFRESH_MS = 60_000;

/** The station page refetches its status and changes when the stream says this station moved. */
export function StationLiveStream({ systemId, stationId }: { systemId: string; stationId: string }) {
  const { mutate } = useSWRConfig();
  const fetchedAt = useRef(0);
  const refetchStation = () => {
    fetchedAt.current = Date.now();
    void mutate(stationKey(systemId, stationId));
  };
  const refetch = () => {
    refetchStation();
    void mutate(stationChangesKey(systemId, stationId));
  };
  useLiveStream(systemId, {
    station: (station) => {
      if (station.stationId === stationId) refetchStation();
    },
    change: (change) => {
      if (change.stationId === stationId) refetch();
    },
    system: () => {
      if (Date.now() - fetchedAt.current >= DAY_STATS_REFRESH_MS) refetchStation();
    },
    refetch,
  });
  return null;
}
