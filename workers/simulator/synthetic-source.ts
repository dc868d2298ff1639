import { secondsOf, type FeedSource } from './feed-source';
import { discoveryDocument, timeIn, type FeedName } from './gbfs-documents';
import { CITY_FEED_FORMATS, syntheticSystem, type SimulatedVersion } from './synthetic-feed';
import { advance, createCity } from './synthetic-city';

export interface SyntheticOptions {
  seed: number;
  stations: number;
  interval: number;
  gbfsVersion: SimulatedVersion;
  systemId?: string;
  now: () => number;
}

export function createSyntheticSource({ seed, stations, interval, gbfsVersion, systemId, now }: SyntheticOptions): FeedSource {
  const format = CITY_FEED_FORMATS[gbfsVersion];
  const system = syntheticSystem(systemId);
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
    system_information: () => format.systemInformation(current(), system, interval),
    station_information: () => format.stationInformation(current(), system, interval),
    station_status: () => format.stationStatus(current(), interval),
    vehicle_types: () => format.vehicleTypes?.(current(), interval),
  };

  return {
    description: `synthetic, GBFS ${gbfsVersion}`,
    noteStatusFetch() {
      if (interval > 0) return;
      // Strictly increasing times even for several fetches a second: reported_at is part of a primary key downstream.
      if (fetched) city = advance(city, Math.max(secondsOf(now()), city.nowSeconds + 1));
      fetched = true;
    },
    discovery: (baseUrl) => {
      const version = format.fileVersion;
      return discoveryDocument({ version, baseUrl, feeds: format.feeds, lastUpdated: timeIn(version, current().nowSeconds), ttl: interval });
    },
    feedBody: (name) => {
      if (!format.feeds.includes(name)) return undefined;
      return JSON.stringify(render[name]());
    },
    state: () => {
      const { tick, nowSeconds } = current();
      return { mode: 'synthetic', snapshotIndex: tick, snapshotCount: null, lastUpdated: nowSeconds };
    },
  };
}
