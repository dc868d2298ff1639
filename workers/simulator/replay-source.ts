import path from 'node:path';
import { CITY_TIMEZONE } from './city-clock';
import { secondsOf, type FeedSource } from './feed-source';
import { discoveryDocument, systemInformationDocument, type FeedName, type SystemDescription } from './gbfs-documents';
import type { ReplayFolder, Snapshot } from './replay-folder';

export interface ReplayOptions {
  interval: number;
  now: () => number;
}

/** "…/gbfs/oslo" -> system_id "oslo", name "Oslo (replay)". */
export function describeFolder(dir: string): SystemDescription {
  const folder = path.basename(path.resolve(dir));
  const systemId = folder.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'replay';
  const name = `${folder.charAt(0).toUpperCase()}${folder.slice(1)} (replay)`;
  return { systemId, name, timezone: CITY_TIMEZONE, language: 'en' };
}

export function createReplaySource(folder: ReplayFolder, { interval, now }: ReplayOptions): FeedSource {
  const { snapshots } = folder;
  const last = snapshots.length - 1;
  const startedSeconds = secondsOf(now());
  const system = describeFolder(folder.dir);
  let fetchedIndex = -1;

  const currentIndex = () => {
    if (interval === 0) return Math.max(fetchedIndex, 0);
    return Math.min(Math.floor((secondsOf(now()) - startedSeconds) / interval), last);
  };
  const current = (): Snapshot => {
    const snapshot = snapshots[currentIndex()];
    if (snapshot === undefined) throw new Error('replay folder has no snapshots');
    return snapshot;
  };
  // A snapshot without a version field is a 1.x file: the documents made up for it have none either.
  const version = () => current().version;

  const feeds: FeedName[] = ['system_information', 'station_information', 'station_status'];
  if (folder.vehicleTypes !== undefined) feeds.push('vehicle_types');

  const bodies: Record<FeedName, () => string | undefined> = {
    system_information: () =>
      folder.systemInformation ??
      JSON.stringify(systemInformationDocument(version(), system, current().lastUpdated, interval)),
    station_information: () => folder.stationInformation,
    station_status: () => current().body,
    vehicle_types: () => folder.vehicleTypes,
  };

  return {
    description: `replay ${folder.dir}`,
    noteStatusFetch() {
      if (interval === 0) fetchedIndex = Math.min(fetchedIndex + 1, last);
    },
    discovery: (baseUrl) =>
      discoveryDocument({ version: version(), baseUrl, feeds, lastUpdated: current().lastUpdated, ttl: interval }),
    feedBody: (name) => bodies[name](),
    state: () => ({
      mode: 'replay',
      snapshotIndex: currentIndex(),
      snapshotCount: snapshots.length,
      lastUpdated: current().lastUpdatedSeconds,
    }),
  };
}
