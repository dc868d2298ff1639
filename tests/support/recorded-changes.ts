import { readdir, readFile, symlink, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * What a replay of recorded station_status files must store, computed straight from the files
 * (independently of the producer's parsing): for each station, every report whose bike or dock count
 * differs from that station's previous appearance.
 */
export interface ExpectedChange {
  stationId: string;
  reportedAt: string;
  bikes: number;
  prevBikes: number;
  docks: number;
  prevDocks: number;
}

interface RecordedStation {
  station_id: string;
  num_bikes_available: number;
  num_docks_available: number;
  last_reported: number;
}

interface RecordedSnapshot {
  file: string;
  lastUpdated: number;
  stations: RecordedStation[];
}

export async function readSnapshots(dir: string, files: string[]): Promise<RecordedSnapshot[]> {
  const snapshots = await Promise.all(
    files.map(async (file) => {
      const json = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as { last_updated: number; data: { stations: RecordedStation[] } };
      return { file, lastUpdated: json.last_updated, stations: json.data.stations };
    }),
  );
  return snapshots.sort((a, b) => a.lastUpdated - b.lastUpdated || a.file.localeCompare(b.file));
}

export function expectedChanges(snapshots: RecordedSnapshot[]): ExpectedChange[] {
  const previous = new Map<string, RecordedStation>();
  const changes: ExpectedChange[] = [];
  for (const snapshot of snapshots) {
    for (const station of snapshot.stations) {
      const before = previous.get(station.station_id);
      if (before && (before.num_bikes_available !== station.num_bikes_available || before.num_docks_available !== station.num_docks_available)) {
        changes.push({
          stationId: station.station_id,
          reportedAt: new Date(station.last_reported * 1000).toISOString(),
          bikes: station.num_bikes_available,
          prevBikes: before.num_bikes_available,
          docks: station.num_docks_available,
          prevDocks: before.num_docks_available,
        });
      }
      previous.set(station.station_id, station);
    }
  }
  return changes;
}

/** The status files of one UTC day in a recorded folder. */
export async function statusFilesOfDay(dir: string, day: string): Promise<string[]> {
  const files = (await readdir(dir)).filter((file) => file.startsWith('station_status'));
  const matching: string[] = [];
  for (const file of files) {
    const json = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as { last_updated: number };
    if (new Date(json.last_updated * 1000).toISOString().startsWith(day)) matching.push(file);
  }
  return matching.sort();
}

/** A temporary replay folder of symlinks, so tests read ../shared without copying it. */
export async function linkReplayFolder(sourceDir: string, files: string[], name: string): Promise<string> {
  const dir = path.join(await mkdtemp(path.join(tmpdir(), 'bikestream-replay-')), name);
  await import('node:fs/promises').then((fs) => fs.mkdir(dir));
  for (const file of files) await symlink(path.join(sourceDir, file), path.join(dir, file));
  return dir;
}
