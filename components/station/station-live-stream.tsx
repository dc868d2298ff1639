'use client';

import { useSWRConfig } from 'swr';
import { stationChangesKey, stationKey } from '@/lib/hooks/station-keys';
import { useLiveStream } from '@/lib/hooks/use-live-stream';

/** The station page refetches its status and changes when the stream says this station moved. */
export function StationLiveStream({ systemId, stationId }: { systemId: string; stationId: string }) {
  const { mutate } = useSWRConfig();
  const refetch = () => {
    void mutate(stationKey(systemId, stationId));
    void mutate(stationChangesKey(systemId, stationId));
  };
  useLiveStream(systemId, {
    station: (station) => {
      if (station.stationId === stationId) void mutate(stationKey(systemId, stationId));
    },
    change: (change) => {
      if (change.stationId === stationId) refetch();
    },
    refetch,
  });
  return null;
}
