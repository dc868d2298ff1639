import { existsSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../workers/simulator/start';
import { pipelineEnv, startPipeline, waitForConsumerCaughtUp, type PipelineEnv } from '../support/pipeline';
import { waitFor, type RunningProcess } from '../support/processes';
import { expectedChanges, linkReplayFolder, readSnapshots, statusFilesOfDay, type ExpectedChange } from '../support/recorded-changes';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { getJson, startWeb, type RunningWeb } from '../support/web';
import { SHARED_DATA } from '../support/shared-data';

const OSLO = path.join(SHARED_DATA, 'gbfs', 'oslo');
const DAY = '2024-09-10';
const haveData = existsSync(OSLO);

if (!haveData) {
  if (process.env.CI) throw new Error(`The real Oslo data is required in CI but ${OSLO} is missing`);
  console.warn(`SKIPPED: the Oslo day replay needs the real snapshots in ${OSLO}`);
}

interface ApiChange extends Omit<ExpectedChange, 'docks' | 'prevDocks'> {
  docks: number | null;
  prevDocks: number | null;
  systemId: string;
  name: string | null;
  prevReportedAt: string;
}

describe.skipIf(!haveData)(`a replay of one real Oslo day (${DAY})`, () => {
  let database: TestDatabase;
  let simulator: RunningSimulator;
  let env: PipelineEnv;
  let workers: { producer: RunningProcess; consumer: RunningProcess };
  let web: RunningWeb;
  let files: string[];

  beforeAll(async () => {
    files = await statusFilesOfDay(OSLO, DAY);
    const folder = await linkReplayFolder(OSLO, ['station_information.json', ...files], 'oslo');
    database = await createTestDatabase();
    simulator = await startSimulator({ from: folder, interval: 0, port: 0 });
    env = pipelineEnv(inject('kafkaBrokers'), database.url, { GBFS_URL: simulator.url });
    workers = startPipeline(env);
    web = await startWeb(env);
  });

  afterAll(async () => {
    await Promise.all([workers?.producer.stop(), workers?.consumer.stop(), web?.stop()]);
    await simulator?.close();
    await database?.drop();
  });

  it('stores exactly the changes in the files, read back through /api/changes', async () => {
    const snapshots = await readSnapshots(OSLO, files);
    const last = snapshots.at(-1)!;
    await waitFor(
      'the producer to publish the last snapshot',
      async () => {
        const result = await database.db.execute<{ at: number | null }>(sql`SELECT extract(epoch FROM max(status_updated_at))::float8 AS at FROM systems`);
        return result.rows[0]?.at === last.lastUpdated;
      },
      120_000,
    );
    await waitForConsumerCaughtUp(env);

    const stored: ApiChange[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&before=${cursor}` : '';
      const page = await getJson<{ changes: ApiChange[]; next: string | null }>(`${web.baseUrl}/api/changes?system=oslo&limit=1000${query}`);
      expect(page.status).toBe(200);
      stored.push(...page.body.changes);
      cursor = page.body.next;
    } while (cursor);

    const expected = expectedChanges(snapshots);
    const key = (change: { stationId: string; reportedAt: string }) => `${change.reportedAt} ${change.stationId}`;
    const simplify = ({ stationId, reportedAt, bikes, prevBikes, docks, prevDocks }: ExpectedChange | ApiChange) => ({ stationId, reportedAt, bikes, prevBikes, docks, prevDocks });
    expect(expected.length).toBeGreaterThan(1000);
    expect(stored.map(simplify).sort((a, b) => key(a).localeCompare(key(b)))).toEqual(expected.map(simplify).sort((a, b) => key(a).localeCompare(key(b))));
    for (let index = 1; index < stored.length; index += 1) expect(key(stored[index - 1]!) >= key(stored[index]!)).toBe(true);
  });

  it('shows every station of the last snapshot with its numbers in /api/stations', async () => {
    const snapshots = await readSnapshots(OSLO, files);
    const last = snapshots.at(-1)!;
    const { status, body } = await getJson<{ stations: { stationId: string; bikes: number; docks: number; reportedAt: string }[] }>(`${web.baseUrl}/api/stations?system=oslo`);
    expect(status).toBe(200);
    const byId = new Map(body.stations.map((station) => [station.stationId, station]));
    for (const station of last.stations) {
      expect(byId.get(station.station_id), station.station_id).toMatchObject({ bikes: station.num_bikes_available, docks: station.num_docks_available });
    }
  });

  it('stops the workers cleanly on SIGTERM', async () => {
    expect(await workers.producer.stop()).toBe(0);
    expect(await workers.consumer.stop()).toBe(0);
  });
});
