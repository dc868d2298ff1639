import { secondsOf, type FeedSource } from './feed-source';
import { discoveryDocument, type FeedName } from './gbfs-documents';
import { gbfsV2Format } from './synthetic-feed';
import { advance, createCity } from './synthetic-city';

export interface SyntheticOptions {
  seed: number;
  stations: number;
  interval: number;
  now: () => number;
}

const FEEDS: readonly FeedName[] = ['system_information', 'station_information', 'station_status', 'vehicle_types'];

export function createSyntheticSource({ seed, stations, interval, now }: SyntheticOptions): FeedSource {
  const format = gbfsV2Format;
  const startedSeconds = secondsOf(now());
  let city = createCity(seed, stations, startedSeconds);
  let fetched = false;

  // Ticks happen lazily on request, at the wall-clock times they were due, so no timer is needed.
  const current = () => {
    if (interval > 0) {
      const due = Math.floor((secondsOf(now()) - startedSeconds) / interval);
      while (city.tick < due) city = advance(city, startedSeconds + (city.tick + 1) * interval);
    }
    return city;
  };

  const render: Record<FeedName, () => unknown> = {
    system_information: () => format.systemInformation(current(), interval),
    station_information: () => format.stationInformation(current(), interval),
    station_status: () => format.stationStatus(current(), interval),
    vehicle_types: () => format.vehicleTypes(current(), interval),
  };

  return {
    description: 'synthetic',
    noteStatusFetch() {
      if (interval > 0) return;
      // Strictly increasing times even for several fetches a second: reported_at is part of a primary key downstream.
      if (fetched) city = advance(city, Math.max(secondsOf(now()), city.nowSeconds + 1));
      fetched = true;
    },
    discovery: (baseUrl) => {
      const { version } = format;
      return discoveryDocument({ version, baseUrl, feeds: FEEDS, lastUpdated: current().nowSeconds, ttl: interval });
    },
    feedBody: (name) => JSON.stringify(render[name]()),
    state: () => {
      const { tick, nowSeconds } = current();
      return { mode: 'synthetic', snapshotIndex: tick, snapshotCount: null, lastUpdated: nowSeconds };
    },
  };
}
