import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { StationJson } from '../../lib/api/api-types';
import { startSimulator, type RunningSimulator } from '../../workers/simulator/start';
import { startFeedRecorder, type FeedRecorder } from '../support/feed-recorder';
import { pipelineEnv, startPipeline, type PipelineEnv } from '../support/pipeline';
import { waitFor, type RunningProcess } from '../support/processes';
import { startSilentServer, type SilentServer } from '../support/silent-server';
import { writeSystemsFile } from '../support/systems-file';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { getJson, startWeb, type RunningWeb } from '../support/web';

interface ApiSystem {
  systemId: string;
  name: string;
  ttlSeconds: number;
  statusUpdatedAt: string | null;
}

/** The two simulated cities: a GBFS 3.0 one asked for in Norwegian and a 1.1 one, each with its own ttl and client id. */
const CITIES = {
  three: { systemId: 'city-three', gbfsVersion: '3.0', stations: 12, seed: 21, interval: 1, clientId: 'acme-three', language: 'nb' },
  one: { systemId: 'city-one', gbfsVersion: '1.1', stations: 8, seed: 22, interval: 2, clientId: 'acme-one', language: undefined },
} as const;
type CityKey = keyof typeof CITIES;

// The raw feed shapes, read here without lib/gbfs so the expected numbers do not come from the code under test.
type Flag = boolean | 0 | 1;
interface RawStatus {
  station_id: string;
  num_bikes_available?: number;
  num_vehicles_available?: number;
  num_ebikes_available?: number;
  vehicle_types_available?: { vehicle_type_id: string; count: number }[];
  num_docks_available: number;
  is_installed: Flag;
  is_renting: Flag;
  is_returning: Flag;
  last_reported: number | string;
}
interface RawInformation {
  station_id: string;
  name: string | { text: string; language: string }[];
  lat: number;
  lon: number;
  capacity: number;
}

async function served<T>(simulator: RunningSimulator, feed: string): Promise<T[]> {
  const response = await fetch(`${simulator.baseUrl}/${feed}.json`);
  return ((await response.json()) as { data: { stations: T[] } }).data.stations;
}

/** What /api/stations should show right now, from the simulator's own files. */
async function expectedStations(simulator: RunningSimulator): Promise<StationJson[]> {
  const information = new Map((await served<RawInformation>(simulator, 'station_information')).map((station) => [station.station_id, station]));
  const statuses = await served<RawStatus>(simulator, 'station_status');
  return statuses.map((status) => {
    const info = information.get(status.station_id);
    const name = typeof info?.name === 'string' ? info.name : (info?.name[0]?.text ?? null);
    const ebikes = status.num_ebikes_available ?? status.vehicle_types_available?.find((type) => type.vehicle_type_id === 'ebike')?.count ?? null;
    const seconds = typeof status.last_reported === 'number' ? status.last_reported : Date.parse(status.last_reported) / 1000;
    return {
      stationId: status.station_id,
      name,
      lat: info?.lat ?? null,
      lon: info?.lon ?? null,
      capacity: info?.capacity ?? null,
      bikes: status.num_bikes_available ?? status.num_vehicles_available ?? -1,
      ebikes,
      docks: status.num_docks_available,
      isInstalled: Boolean(status.is_installed),
      isRenting: Boolean(status.is_renting),
      isReturning: Boolean(status.is_returning),
      reportedAt: new Date(seconds * 1000).toISOString(),
      // Every station served is in the feed the producer just read.
      reporting: true,
    };
  });
}

const sorted = (stations: StationJson[]) => [...stations].sort((a, b) => a.stationId.localeCompare(b.stationId));

/** Milliseconds between one recorder's consecutive station_status requests since `from`. */
function statusGaps(recorder: FeedRecorder, from: number): number[] {
  const times = recorder.requests.filter((request) => request.path.startsWith('/station_status.json') && request.at >= from).map((request) => request.at);
  return times.slice(1).map((at, index) => at - (times[index] ?? at));
}

describe('two GBFS systems of different versions polled side by side by one producer', () => {
  // The cities' clock: frozen unless a test moves it, always behind the real one so no report is from the future.
  let clock = Date.now() - 3_600_000;
  let database: TestDatabase;
  let simulators: Record<CityKey, RunningSimulator>;
  let recorders: Record<CityKey, FeedRecorder>;
  const running: { close(): Promise<void> }[] = [];
  let silent: SilentServer;
  let systemsFile: Awaited<ReturnType<typeof writeSystemsFile>>;
  let env: PipelineEnv;
  let workers: { producer: RunningProcess; consumer: RunningProcess };
  let web: RunningWeb;

  const stationsOf = async (key: CityKey) => {
    const { status, body } = await getJson<{ stations: StationJson[] }>(`${web.baseUrl}/api/stations?system=${CITIES[key].systemId}`);
    return status === 200 ? body.stations : [];
  };
  const systems = async () => (await getJson<{ systems: ApiSystem[] }>(`${web.baseUrl}/api/systems`)).body.systems;

  /**
   * Waits for /api/stations to show what the city's simulator serves now; on a timeout, shows the
   * difference. A station is only re-sent when its counts or flags change, so an unchanged one keeps
   * the time of its last change: times must match exactly on the first poll, and later be no newer
   * than the feed's and include the newest (every tick changes at least one station).
   */
  async function expectStationsToMatch(key: CityKey, { firstPoll = false } = {}): Promise<void> {
    const expected = sorted(await expectedStations(simulators[key]));
    const comparable = (stations: StationJson[]) => (firstPoll ? stations : stations.map(({ reportedAt: _reportedAt, ...station }) => station));
    let shown: StationJson[] = [];
    await waitFor(`${key}'s stations in /api/stations to match its feed`, async () => {
      shown = sorted(await stationsOf(key));
      return isDeepStrictEqual(comparable(shown), comparable(expected));
    }, 30_000).catch(() => undefined);
    expect(comparable(shown)).toEqual(comparable(expected));
    const feedTime = expected[0]?.reportedAt ?? '';
    for (const station of shown) expect(station.reportedAt <= feedTime, station.stationId).toBe(true);
    expect(shown.some((station) => station.reportedAt === feedTime)).toBe(true);
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    const start = async (key: CityKey) => {
      const { systemId, gbfsVersion, stations, seed, interval } = CITIES[key];
      return startSimulator({ systemId, gbfsVersion, stations, seed, interval, port: 0, now: () => clock });
    };
    simulators = { three: await start('three'), one: await start('one') };
    recorders = { three: await startFeedRecorder(simulators.three.baseUrl), one: await startFeedRecorder(simulators.one.baseUrl) };
    silent = await startSilentServer();
    running.push(...Object.values(recorders), ...Object.values(simulators), silent);
    systemsFile = await writeSystemsFile([
      { url: recorders.three.url, clientId: CITIES.three.clientId, language: CITIES.three.language },
      { url: recorders.one.url, clientId: CITIES.one.clientId },
      { url: silent.url, clientId: 'acme-silent' },
    ]);
    env = pipelineEnv(inject('kafkaBrokers'), database.url, { SYSTEMS_FILE: systemsFile.file, GBFS_TIMEOUT_SECONDS: '2', GBFS_URL: 'http://127.0.0.1:9/unused-when-systems-file-is-set.json' });
    workers = startPipeline(env);
    web = await startWeb(env);
  });

  afterAll(async () => {
    await Promise.all([workers?.producer.stop(), workers?.consumer.stop(), web?.stop()]);
    await Promise.all(running.map((server) => server.close()));
    await systemsFile?.remove();
    await database?.drop();
  });

  it('lists both systems in /api/stations and /api/systems, each with its own stations and numbers', async () => {
    await expectStationsToMatch('three', { firstPoll: true });
    await expectStationsToMatch('one', { firstPoll: true });
    expect((await stationsOf('three')).map((station) => station.stationId)).toHaveLength(12);
    expect((await stationsOf('one')).map((station) => station.stationId)).toHaveLength(8);

    const listed = (await systems()).map(({ systemId, name, ttlSeconds }) => ({ systemId, name, ttlSeconds }));
    expect(listed).toEqual([
      { systemId: 'city-one', name: 'Simulated City (city-one)', ttlSeconds: 2 },
      { systemId: 'city-three', name: 'Simulert by (city-three)', ttlSeconds: 1 },
    ]);
  });

  it("polls each system at its own ttl with its own Client-Identifier, while a third feed never answers", async () => {
    const from = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 8_000));
    const [three, one] = [statusGaps(recorders.three, from), statusGaps(recorders.one, from)];
    expect(three.length).toBeGreaterThanOrEqual(3);
    expect(one.length).toBeGreaterThanOrEqual(1);
    expect(three.length).toBeGreaterThan(one.length);
    expect(Math.min(...three)).toBeGreaterThanOrEqual(950);
    expect(Math.min(...one)).toBeGreaterThanOrEqual(1_950);
    // Were the loops not independent, every poll would also wait out the silent feed's 2 s timeout.
    const median = [...three].sort((a, b) => a - b)[Math.floor(three.length / 2)] ?? Infinity;
    expect(median).toBeLessThan(1_900);
    expect(new Set(recorders.three.requests.map((request) => request.clientId))).toEqual(new Set(['acme-three']));
    expect(new Set(recorders.one.requests.map((request) => request.clientId))).toEqual(new Set(['acme-one']));
    expect(silent.connections()).toBeGreaterThan(1);
  });

  it('keeps up with the 3.0 city tick by tick', async () => {
    for (let tick = 0; tick < 3; tick += 1) {
      clock += 1_000;
      await expectStationsToMatch('three');
    }
  });

  it("goes on updating one system after the other's feed dies", async () => {
    const lastOne = sorted(await stationsOf('one'));
    for (const server of [recorders.one, simulators.one]) {
      running.splice(running.indexOf(server), 1);
      await server.close();
    }
    await waitFor('the producer to notice city-one is gone', async () => /poll failed.*system=city-one/.test(workers.producer.output()), 30_000);

    for (let tick = 0; tick < 3; tick += 1) {
      clock += 1_000;
      await expectStationsToMatch('three');
    }
    const three = (await systems()).find((system) => system.systemId === 'city-three');
    expect(three?.statusUpdatedAt).toBe(new Date(Math.floor(clock / 1000) * 1000).toISOString());
    expect(sorted(await stationsOf('one'))).toEqual(lastOne);
    expect(workers.producer.child.exitCode).toBeNull();
  });
});
