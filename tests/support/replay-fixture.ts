import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { expectedChanges } from './recorded-changes';

export type RecordedSnapshot = Parameters<typeof expectedChanges>[0][number];

export interface ReplayFixture {
  dir: string;
  /** What the simulator calls the system: the folder's name. */
  systemId: string;
  snapshots: RecordedSnapshot[];
}

export interface FixtureOptions {
  name: string;
  seed: number;
  snapshots?: number;
  stations?: number;
  /** last_updated of the first snapshot, unix seconds. */
  startSeconds: number;
  stepSeconds?: number;
}

/** mulberry32: small, fast and the same on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const gbfs = (lastUpdated: number, data: unknown) => JSON.stringify({ last_updated: lastUpdated, ttl: 0, version: '2.3', data });

/**
 * Writes a small GBFS 2.3 replay folder: station_information.json and one station_status file per
 * snapshot, in which some stations gain or lose a few bikes. Every station reports in every
 * snapshot with last_reported equal to the file's last_updated, as the real Oslo feed does.
 */
export async function writeReplayFixture(options: FixtureOptions): Promise<ReplayFixture> {
  const { name, seed, snapshots: count = 40, stations: stationCount = 30, startSeconds, stepSeconds = 60 } = options;
  const random = seededRandom(seed);
  const dir = path.join(await mkdtemp(path.join(tmpdir(), 'bikestream-faults-')), name);
  await mkdir(dir);

  const stations = Array.from({ length: stationCount }, (_, index) => {
    const capacity = 8 + Math.floor(random() * 20);
    return {
      id: `${name}-${String(index + 1).padStart(3, '0')}`,
      capacity,
      bikes: Math.floor(random() * (capacity + 1)),
      ebikes: 0,
      renting: true,
    };
  });
  await writeFile(
    path.join(dir, 'station_information.json'),
    gbfs(
      startSeconds,
      {
        stations: stations.map((station, index) => ({
          station_id: station.id,
          name: `Fault street ${index + 1}`,
          address: `Fault street ${index + 1}`,
          lat: 59.9 + index / 1000,
          lon: 10.7 + index / 1000,
          capacity: station.capacity,
        })),
      },
    ),
  );

  const written: RecordedSnapshot[] = [];
  for (let index = 0; index < count; index += 1) {
    const lastUpdated = startSeconds + index * stepSeconds;
    for (const station of stations) {
      if (index > 0 && random() < 0.35) {
        const step = 1 + Math.floor(random() * 3);
        station.bikes = Math.min(station.capacity, Math.max(0, station.bikes + (random() < 0.5 ? -step : step)));
      }
      station.ebikes = Math.min(station.bikes, Math.floor(random() * 3));
      if (random() < 0.03) station.renting = !station.renting;
    }
    const body = {
      stations: stations.map((station) => ({
        station_id: station.id,
        num_bikes_available: station.bikes,
        num_ebikes_available: station.ebikes,
        num_docks_available: station.capacity - station.bikes,
        is_installed: true,
        is_renting: station.renting,
        is_returning: true,
        last_reported: lastUpdated,
      })),
    };
    const file = `station_status_${String(index + 1).padStart(4, '0')}.json`;
    await writeFile(path.join(dir, file), gbfs(lastUpdated, body));
    written.push({ file, lastUpdated, stations: body.stations });
  }
  return { dir, systemId: name, snapshots: written };
}
