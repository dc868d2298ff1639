import { secondsOf, type FeedSource } from './feed-source';
import { classicModel, labelledModel, type LabelledModelOptions } from './city-model';
import { discoveryDocument, timeIn, type FeedName } from './gbfs-documents';
import { CITY_FEED_FORMATS, syntheticSystem, type SimulatedVersion } from './synthetic-feed';

export interface SyntheticOptions {
  seed: number;
  stations: number;
  interval: number;
  gbfsVersion: SimulatedVersion;
  systemId?: string;
  now: () => number;
  /** Opt-in labelled activity (riders' trips, trucks, glitches) with the truth about each tick. */
  labelled?: LabelledModelOptions;
}

export function createSyntheticSource({ seed, stations, interval, gbfsVersion, systemId, now, labelled }: SyntheticOptions): FeedSource {
  const format = CITY_FEED_FORMATS[gbfsVersion];
  const system = syntheticSystem(systemId);
  const startedSeconds = secondsOf(now());
  const model = labelled
    ? labelledModel(seed, stations, startedSeconds, interval, labelled)
    : classicModel(seed, stations, startedSeconds, interval);
  let fetched = false;

  // Ticks happen lazily on request, at the wall-clock times they were due, so no timer is needed.
  const current = () => {
    if (interval > 0) {
      const due = Math.floor((secondsOf(now()) - startedSeconds) / interval);
      while (model.shown().tick < due) model.advanceTo(model.secondsOfTick(model.shown().tick + 1));
    }
    return model.shown();
  };

  const render: Record<FeedName, () => unknown> = {
    system_information: () => format.systemInformation(current(), system, interval),
    station_information: () => format.stationInformation(current(), system, interval),
    station_status: () => format.stationStatus(current(), interval),
    vehicle_types: () => format.vehicleTypes?.(current(), interval),
  };

  return {
    description: `synthetic${labelled ? ' (labelled)' : ''}, GBFS ${gbfsVersion}`,
    noteStatusFetch() {
      if (interval > 0) return;
      if (fetched) model.advanceTo(model.secondsOfNextFetch(secondsOf(now())));
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
