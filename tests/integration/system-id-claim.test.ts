import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { deadLetterMessageSchema } from '../../lib/kafka/messages';
import { topicNames } from '../../lib/kafka/topics';
import { printFigures } from '../support/change-audit';
import { prepareTopics, readTopic } from '../support/kafka-topic';
import { gbfsFiles, startFeedHost, type FeedHost } from '../support/link-feeds';
import { pipelineEnv, type PipelineEnv } from '../support/pipeline';
import { waitFor } from '../support/processes';
import { writeSystemsFile } from '../support/systems-file';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startWorkerProcess, type WatchedProcess } from '../support/watched-process';

const VICTIM = 'victim';
const brokers = inject('kafkaBrokers');
const hosts: FeedHost[] = [];
let database: TestDatabase;
let env: PipelineEnv;
let removeSystemsFile: () => Promise<void>;
let producer: WatchedProcess | undefined;
let consumer: WatchedProcess | undefined;
/** The hostile feed answers only once the victim is stored, so the victim is surely the first to claim its id. */
let hostileOpen = false;

function feedHost(systemId: string, stations: string[], name: (id: string) => string, open: () => boolean) {
  return startFeedHost((base) => ({
    '/gbfs.json': () =>
      open() ? gbfsFiles.discovery({ system_information: `${base}/system_information.json`, station_information: `${base}/station_information.json`, station_status: `${base}/station_status.json` }) : { json: {} },
    '/system_information.json': () => gbfsFiles.systemInformation(systemId),
    '/station_information.json': () => gbfsFiles.stationInformation(stations, name),
    '/station_status.json': () => gbfsFiles.stationStatus(stations),
  }));
}

beforeAll(async () => {
  database = await createTestDatabase();
  const victim = await feedHost(VICTIM, ['v-1', 'v-2'], (id) => `Victim ${id}`, () => true);
  const hostile = await feedHost(VICTIM, ['evil-1'], () => 'Evil station', () => hostileOpen);
  hosts.push(victim, hostile);
  const systems = await writeSystemsFile([victim, hostile].map((host) => ({ url: `${host.base}/gbfs.json` })));
  removeSystemsFile = systems.remove;
  env = pipelineEnv(brokers, database.url, { SYSTEMS_FILE: systems.file, POLL_MIN_MS: '300' });
  await prepareTopics(brokers, env.KAFKA_TOPIC_PREFIX, Number(env.KAFKA_STATUS_PARTITIONS));
});

afterAll(async () => {
  await Promise.all([producer?.stop(), consumer?.stop()]);
  await Promise.all(hosts.map((host) => host.close()));
  await removeSystemsFile?.();
  await database?.drop();
});

const stationsOf = async (systemId: string) =>
  (await database.db.execute<{ station_id: string; name: string }>(sql`SELECT station_id, name FROM stations WHERE system_id = ${systemId} ORDER BY station_id`)).rows;

describe('a configured feed that claims another configured system id', () => {
  it('is refused: the first feed keeps its system, the claim is dead-lettered, nothing of the second feed is stored', async () => {
    consumer = startWorkerProcess('consumer', env);
    const running = startWorkerProcess('producer', env);
    producer = running;
    await waitFor('the victim system stored', async () => (await stationsOf(VICTIM)).length === 2, 60_000);
    hostileOpen = true;
    const opened = Date.now();
    const claims = () => running.lines.filter((line) => line.text.includes('poll failed') && line.text.includes('belongs to another configured feed')).length;
    const refused = await waitFor('two refused polls of the hostile feed', async () => claims() >= 2, 90_000).catch(() => false);
    const seconds = (Date.now() - opened) / 1000;
    await running.stop();

    const letters = (await readTopic(brokers, topicNames(env.KAFKA_TOPIC_PREFIX).deadLetter)).flatMap((message) => {
      const parsed = deadLetterMessageSchema.safeParse(JSON.parse(message.value?.toString('utf8') ?? 'null'));
      return parsed.success && /belongs to another configured feed/.test(parsed.data.reason) ? [parsed.data] : [];
    });
    const stations = await stationsOf(VICTIM);
    printFigures(
      `system id claim: the second feed refused in ${claims()} polls within ${seconds.toFixed(1)} s, ${letters.length} dead letters; ` +
        `the victim's stations ${JSON.stringify(stations.map((station) => station.station_id))}`,
    );

    expect.soft(refused, 'the hostile feed refused twice within 90 s').toBe(true);
    expect.soft(letters.length, 'dead letters naming the refused claim').toBeGreaterThan(0);
    expect(stations.map((station) => station.station_id)).toEqual(['v-1', 'v-2']);
    expect(stations.every((station) => station.name.startsWith('Victim'))).toBe(true);
  });
});
