import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { StationJson } from '../../lib/api/api-types';
import { startSimulator, type RunningSimulator } from '../../workers/simulator/start';
import { pipelineEnv, startPipeline, type PipelineEnv } from '../support/pipeline';
import { waitFor, type RunningProcess } from '../support/processes';
import { linkReplayFolder } from '../support/recorded-changes';
import { writeSystemsFile } from '../support/systems-file';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { getJson, startWeb, type RunningWeb } from '../support/web';
import { SHARED_DATA } from '../support/shared-data';

const GBFS = path.join(SHARED_DATA, 'gbfs');
const CITIES = ['bergen', 'trondheim'] as const;
const haveData = CITIES.every((city) => existsSync(path.join(GBFS, city, 'station_status.json')));

if (!haveData) {
  if (process.env.CI) throw new Error(`The real Bergen and Trondheim files are required in CI but are missing from ${GBFS}`);
  console.warn(`SKIPPED: the Bergen/Trondheim GBFS 1.x replay needs the real files in ${GBFS}`);
}

// The shapes of the recorded 1.x files, read here on their own so the test does not lean on lib/gbfs.
interface RecordedInformation {
  station_id: string;
  name: string;
  lat: number;
  lon: number;
  capacity: number;
}
interface RecordedStatus {
  station_id: string;
  num_bikes_available: number;
  num_docks_available: number;
  is_installed: 0 | 1;
  is_renting: 0 | 1;
  is_returning: 0 | 1;
  last_reported: number;
}
async function readStations<T>(city: string, file: string): Promise<T[]> {
  const json = JSON.parse(await readFile(path.join(GBFS, city, file), 'utf8')) as { data: { stations: T[] } };
  return json.data.stations;
}

/** What /api/stations must show for each station, straight from the two recorded files. */
async function expectedStations(city: string): Promise<StationJson[]> {
  const information = new Map((await readStations<RecordedInformation>(city, 'station_information.json')).map((station) => [station.station_id, station]));
  const statuses = await readStations<RecordedStatus>(city, 'station_status.json');
  return statuses.map((status) => {
    const info = information.get(status.station_id);
    return {
      stationId: status.station_id,
      name: info?.name ?? null,
      lat: info?.lat ?? null,
      lon: info?.lon ?? null,
      capacity: info?.capacity ?? null,
      bikes: status.num_bikes_available,
      ebikes: null,
      docks: status.num_docks_available,
      isInstalled: status.is_installed === 1,
      isRenting: status.is_renting === 1,
      isReturning: status.is_returning === 1,
      reportedAt: new Date(status.last_reported * 1000).toISOString(),
      // Every station in the file is in the latest (only) snapshot.
      reporting: true,
    };
  });
}

describe.skipIf(!haveData)('real GBFS 1.x feeds (Bergen and Trondheim, 2018) through the whole pipeline', () => {
  let database: TestDatabase;
  let simulators: RunningSimulator[];
  let systemsFile: Awaited<ReturnType<typeof writeSystemsFile>>;
  let env: PipelineEnv;
  let workers: { producer: RunningProcess; consumer: RunningProcess };
  let web: RunningWeb;

  beforeAll(async () => {
    database = await createTestDatabase();
    simulators = await Promise.all(
      CITIES.map(async (city) => startSimulator({ from: await linkReplayFolder(path.join(GBFS, city), ['station_information.json', 'station_status.json'], city), interval: 0, port: 0 })),
    );
    systemsFile = await writeSystemsFile(simulators.map((simulator) => ({ url: simulator.url })));
    env = pipelineEnv(inject('kafkaBrokers'), database.url, { SYSTEMS_FILE: systemsFile.file });
    workers = startPipeline(env);
    web = await startWeb(env);
  });

  afterAll(async () => {
    await Promise.all([workers?.producer.stop(), workers?.consumer.stop(), web?.stop()]);
    await Promise.all((simulators ?? []).map((simulator) => simulator.close()));
    await systemsFile?.remove();
    await database?.drop();
  });

  it.each(CITIES)('shows every %s station as the files have it: bikes, docks, flags, name, place and capacity', async (city) => {
    const expected = await expectedStations(city);
    const shown = await waitFor(
      `all ${expected.length} ${city} stations with their names in /api/stations`,
      async () => {
        const { status, body } = await getJson<{ stations: StationJson[] }>(`${web.baseUrl}/api/stations?system=${city}`);
        return status === 200 && body.stations.length === expected.length && body.stations.every((station) => station.name !== null) && body.stations;
      },
      60_000,
    );
    const byId = (stations: StationJson[]) => [...stations].sort((a, b) => a.stationId.localeCompare(b.stationId));
    expect(byId(shown)).toEqual(byId(expected));
  });

  it('lists both systems under their folder names, each with its own station count and feed time', async () => {
    const { status, body } = await getJson<{ systems: { systemId: string; name: string; stationCount: number; statusUpdatedAt: string }[] }>(`${web.baseUrl}/api/systems`);
    expect(status).toBe(200);
    const systems = body.systems.map(({ systemId, name, stationCount, statusUpdatedAt }) => ({ systemId, name, stationCount, statusUpdatedAt }));
    expect(systems).toEqual([
      { systemId: 'bergen', name: 'Bergen (replay)', stationCount: 30, statusUpdatedAt: '2018-11-26T22:20:36.000Z' },
      { systemId: 'trondheim', name: 'Trondheim (replay)', stationCount: 49, statusUpdatedAt: '2018-11-26T19:08:47.000Z' },
    ]);
  });
});
