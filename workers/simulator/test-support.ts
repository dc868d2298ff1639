import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Logger } from '../../lib/runtime/log';

/** A logger for tests that keeps warnings instead of printing them. */
export function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  const ignore = () => undefined;
  return { debug: ignore, info: ignore, warn: (message) => warnings.push(message), error: ignore, warnings };
}

/** Unix seconds of a local time in the simulated city, e.g. osloTime('2024-09-10T07:00'). */
export const osloTime = (local: string) => Date.parse(`${local}:00+02:00`) / 1000;

const station = (id: string, bikes: number) => ({
  station_id: id,
  num_bikes_available: bikes,
  num_docks_available: 10 - bikes,
  is_installed: true,
  is_renting: true,
  is_returning: true,
  last_reported: 0,
});

/** Made-up recorded files: three snapshots whose file names sort differently from their times. */
const replayFixture = {
  'station_information.json': {
    last_updated: 100,
    ttl: 60,
    version: '2.3',
    data: { stations: [{ station_id: 'a', name: 'Alpha', lat: 60.1, lon: 11.1, capacity: 10 }] },
  },
  // GBFS 3.0: RFC 3339 time, 100 s after 1970 + 0 -> the oldest.
  'station_status.z-oldest.json': {
    last_updated: '1970-01-01T01:01:40+01:00',
    ttl: 0,
    version: '3.0',
    data: { stations: [station('a', 1)] },
  },
  // GBFS 1.x: no version, integers for booleans.
  'station_status.json': {
    data: { stations: [{ ...station('a', 2), is_installed: 1, is_renting: 1, is_returning: 0 }] },
    last_updated: '200',
    ttl: 10,
  },
  'station_status.a-newest.json': { last_updated: 300, ttl: 15, version: '2.3', data: { stations: [station('a', 3)] } },
} as const;

/** Writes the fixture into `recorded/` and returns `<name>/`, a folder of symlinks to it, like a test would build. */
export async function writeReplayFixture(name = 'Test City'): Promise<{ dir: string; remove: () => Promise<void> }> {
  const root = await mkdtemp(path.join(tmpdir(), 'bikestream-replay-'));
  const recorded = path.join(root, 'recorded');
  const dir = path.join(root, name);
  await Promise.all([mkdir(recorded), mkdir(dir)]);
  for (const [file, document] of Object.entries(replayFixture)) {
    await writeFile(path.join(recorded, file), JSON.stringify(document, null, 2));
    await symlink(path.join(recorded, file), path.join(dir, file));
  }
  await writeFile(path.join(dir, 'station_status.broken.json'), '');
  return { dir, remove: () => rm(root, { recursive: true, force: true }) };
}
