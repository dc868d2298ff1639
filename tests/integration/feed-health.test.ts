import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { StationsResponse, SystemsResponse } from '../../lib/api/api-types';
import { createBus } from '../../lib/kafka/client';
import { topicNames } from '../../lib/kafka/topics';
import type { StationResponse } from '../../lib/api/station-api-types';
import { pipelineEnv, startPipeline, waitForConsumerCaughtUp, type PipelineEnv } from '../support/pipeline';
import { waitFor, type RunningProcess } from '../support/processes';
import { readTopic } from '../support/kafka-topic';
import { startScriptedFeed, type ScriptedFeed } from '../support/scripted-feed';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { getJson, startWeb, type RunningWeb } from '../support/web';

const SYSTEM = 'scripted';
const ids = ['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8'];

const information = (overrides: Record<string, Record<string, unknown>> = {}) =>
  [...ids, 'bad'].map((id, index) => ({ station_id: id, name: `Station ${id}`, lat: 59.91 + index * 0.001, lon: 10.75, capacity: 20, ...overrides[id] }));

// s6-s8 send 0/1 for is_installed (zod reads it, the 2.3 schema does not allow it); "bad" has no bike count at all.
const status = (intFlags: boolean) => {
  const now = Math.floor(Date.now() / 1000);
  return [
    ...ids.map((id, index) => ({ station_id: id, num_bikes_available: 5, num_docks_available: 15, is_installed: intFlags && index >= 5 ? 1 : true, is_renting: true, is_returning: true, last_reported: now })),
    { station_id: 'bad', num_docks_available: 20, is_installed: true, is_renting: true, is_returning: true, last_reported: now },
  ];
};

describe('feed health through the real pipeline', () => {
  let database: TestDatabase;
  let feed: ScriptedFeed;
  let env: PipelineEnv;
  let workers: { producer: RunningProcess; consumer: RunningProcess };
  let web: RunningWeb;
  let refreshStatus: ReturnType<typeof setInterval>;
  let intFlags = true;

  const systems = async () => (await getJson<SystemsResponse>(`${web.baseUrl}/api/systems`)).body.systems;
  const revisions = async () => {
    const result = await database.db.execute<{ station_id: string; n: number }>(sql`SELECT station_id, count(*)::int AS n FROM station_revision GROUP BY station_id`);
    return Object.fromEntries(result.rows.map((row) => [row.station_id, row.n]));
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    feed = await startScriptedFeed(SYSTEM);
    feed.stations.information = information();
    feed.stations.status = status(intFlags);
    // last_reported moves on every second, as a live feed's does.
    refreshStatus = setInterval(() => (feed.stations.status = status(intFlags)), 1_000);
    env = pipelineEnv(inject('kafkaBrokers'), database.url, { GBFS_URL: feed.url });
    workers = startPipeline(env);
    web = await startWeb({ ...env, RATE_LIMIT_PER_MINUTE: '0' });
  });

  afterAll(async () => {
    clearInterval(refreshStatus);
    await Promise.all([workers?.producer.stop(), workers?.consumer.stop(), web?.stop()]);
    await feed?.close();
    await database?.drop();
  });

  it('shows the schema violations in /api/systems with counts and an example station, while the usable stations are stored', async () => {
    await waitFor('feed problems in /api/systems', async () => ((await systems())[0]?.health.problems.length ?? 0) >= 2, 90_000);
    const [system] = await systems();
    expect(system?.health.gbfsVersion).toBe('2.3');
    expect(system?.health.schemaCheck).toEqual({ checkedAgainst: '2.3', exact: true, label: 'checked against 2.3' });
    expect(system?.health.problems.map(({ feed: file, pointer, message, count, exampleStationId }) => ({ file, pointer, message, count, exampleStationId }))).toEqual([
      { file: 'station_status', pointer: '/data/stations/*/is_installed', message: 'must be boolean', count: 3, exampleStationId: 's6' },
      { file: 'station_status', pointer: '/data/stations/*', message: "must have required property 'num_bikes_available'", count: 1, exampleStationId: 'bad' },
    ]);
    expect(system?.health.problemCount).toBe(4);

    await waitFor('the usable stations', async () => (await getJson<StationsResponse>(`${web.baseUrl}/api/stations?system=${SYSTEM}`)).body.stations?.length === ids.length, 60_000);
    const { body } = await getJson<StationsResponse>(`${web.baseUrl}/api/stations?system=${SYSTEM}`);
    expect(body.stations.map((station) => station.stationId).sort()).toEqual(ids);
    expect(body.stations.every((station) => station.reporting)).toBe(true);

    const health = await getJson<{ feeds: { systemId: string; problemCount: number; stationsReporting: number; stationsNotReporting: number }[] }>(`${web.baseUrl}/api/health`);
    expect(health.body.feeds).toEqual([expect.objectContaining({ systemId: SYSTEM, problemCount: 4, stationsReporting: 8, stationsNotReporting: 0 })]);
  });

  it('logs the problems once, not every poll, and again when they change', async () => {
    const conformanceLines = () => workers.producer.output().split('\n').filter((line) => line.includes('feed does not conform'));
    const polls = () => workers.producer.output().split('\n').filter((line) => line.includes('msg=polled')).length;
    const seen = polls();
    await waitFor('five more polls', async () => polls() >= seen + 5, 60_000);
    expect(conformanceLines()).toHaveLength(1);

    intFlags = false;
    await waitFor('only the missing bike count left', async () => (await systems())[0]?.health.problemCount === 1, 60_000);
    expect(conformanceLines()).toHaveLength(2);
    expect(conformanceLines()[1]).toMatch(/kinds=1/);
  });

  it('stores a rename and a move from the next station_information once each, even when Kafka redelivers it', async () => {
    await waitFor('one revision per station', async () => Object.keys(await revisions()).length === ids.length + 1, 60_000);
    feed.stations.information = information({ s1: { name: 'Station s1 renamed' }, s2: { lat: 59.911 + 0.002 } });
    // The producer reads station_information at most once a minute.
    await waitFor('the rename and the move', async () => {
      const counts = await revisions();
      return counts.s1 === 2 && counts.s2 === 2;
    }, 150_000, 1_000);

    const names = topicNames(env.KAFKA_TOPIC_PREFIX);
    const sent = await readTopic(inject('kafkaBrokers'), names.stationInformation);
    const producer = (await createBus({ brokers: inject('kafkaBrokers'), clientId: 'bikestream-test-redeliver' })).producer();
    await producer.connect();
    await producer.send({ topic: names.stationInformation, messages: sent.map((message) => ({ key: message.key, value: message.value })) });
    await producer.disconnect();
    await waitForConsumerCaughtUp(env);

    const counts = await revisions();
    expect(counts).toEqual({ ...Object.fromEntries(ids.map((id) => [id, 1])), bad: 1, s1: 2, s2: 2 });
    const s1 = (await getJson<StationResponse>(`${web.baseUrl}/api/stations/${SYSTEM}/s1`)).body;
    expect(s1.station.name).toBe('Station s1 renamed');
    expect(s1.history.events).toEqual([expect.objectContaining({ kind: 'renamed', from: 'Station s1', to: 'Station s1 renamed' })]);
    const s2 = (await getJson<StationResponse>(`${web.baseUrl}/api/stations/${SYSTEM}/s2`)).body;
    expect(s2.history.events).toEqual([expect.objectContaining({ kind: 'moved', meters: 222 })]);
  });
});
