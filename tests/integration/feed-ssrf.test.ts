import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { deadLetterMessageSchema, type DeadLetterMessage } from '../../lib/kafka/messages';
import { topicNames } from '../../lib/kafka/topics';
import { printFigures } from '../support/change-audit';
import { prepareTopics, readTopic } from '../support/kafka-topic';
import { gbfsFiles, LEAK_MARKER, startFeedHost, type FeedHost } from '../support/link-feeds';
import { pipelineEnv, type PipelineEnv } from '../support/pipeline';
import { waitFor } from '../support/processes';
import { writeSystemsFile } from '../support/systems-file';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startWorkerProcess, type WatchedProcess } from '../support/watched-process';

const METADATA_URL = 'http://169.254.169.254/latest/meta-data/';
const STATIONS = ['st-1', 'st-2', 'st-3'];

/** The three feeds that try to send the producer elsewhere, and the dead-letter reason each must get. */
const HOSTILE = {
  'linked-port': /station_(information|status): URL refused by the host rule/,
  'redirect-metadata': /station_status: redirect 1 refused by the host rule/,
  'redirect-port': /station_status: redirect 1 refused by the host rule/,
} as const;
type HostileId = keyof typeof HOSTILE;
const LEGIT = 'same-host';

const brokers = inject('kafkaBrokers');
const hosts: FeedHost[] = [];
let trap: FeedHost;
let database: TestDatabase;
let env: PipelineEnv;
let removeSystemsFile: () => Promise<void>;
let producer: WatchedProcess | undefined;
let consumer: WatchedProcess | undefined;

/** A host whose gbfs.json lists its own system and station_information, and station_status as given. */
async function feedHost(systemId: string, statusAnswer: (base: string) => () => ReturnType<typeof gbfsFiles.stationStatus> | { redirect: string }, extra: Record<string, () => ReturnType<typeof gbfsFiles.stationStatus>> = {}) {
  const host = await startFeedHost((base) => ({
    '/gbfs.json': () => gbfsFiles.discovery({ system_information: `${base}/system_information.json`, station_information: `${base}/station_information.json`, station_status: `${base}/station_status.json` }),
    '/system_information.json': () => gbfsFiles.systemInformation(systemId),
    '/station_information.json': () => gbfsFiles.stationInformation(STATIONS),
    '/station_status.json': statusAnswer(base),
    ...extra,
  }));
  hosts.push(host);
  return host;
}

beforeAll(async () => {
  database = await createTestDatabase();
  // The second local port: it serves a whole, valid system, so old code would store what it fetched there.
  trap = await startFeedHost(() => ({
    '/station_information.json': () => gbfsFiles.stationInformation(['trap-1', 'trap-2'], (id) => `${id} ${LEAK_MARKER}`),
    '/station_status.json': () => gbfsFiles.stationStatus(['trap-1', 'trap-2']),
  }));
  hosts.push(trap);
  const linker = await startFeedHost((base) => ({
    '/gbfs.json': () => gbfsFiles.discovery({ system_information: `${base}/system_information.json`, station_information: `${trap.base}/station_information.json`, station_status: `${trap.base}/station_status.json` }),
    '/system_information.json': () => gbfsFiles.systemInformation('linked-port'),
  }));
  hosts.push(linker);
  const metadata = await feedHost('redirect-metadata', () => () => ({ redirect: METADATA_URL }));
  const portRedirect = await feedHost('redirect-port', () => () => ({ redirect: `${trap.base}/station_status.json` }));
  // The legitimate feed moves its status file on its own host: a redirect the producer must still follow.
  const legit = await feedHost(LEGIT, () => () => ({ redirect: '/live/station_status.json' }), { '/live/station_status.json': () => gbfsFiles.stationStatus(STATIONS) });

  const systems = await writeSystemsFile([linker, metadata, portRedirect, legit].map((host) => ({ url: `${host.base}/gbfs.json` })));
  removeSystemsFile = systems.remove;
  env = pipelineEnv(brokers, database.url, { SYSTEMS_FILE: systems.file, POLL_MIN_MS: '300', GBFS_TIMEOUT_SECONDS: '2' });
  await prepareTopics(brokers, env.KAFKA_TOPIC_PREFIX, Number(env.KAFKA_STATUS_PARTITIONS));
});

afterAll(async () => {
  await Promise.all([producer?.stop(), consumer?.stop()]);
  await Promise.all(hosts.map((host) => host.close()));
  await removeSystemsFile?.();
  await database?.drop();
});

async function storedStations(systemId: string): Promise<number> {
  const result = await database.db.execute<{ n: number }>(sql`SELECT count(DISTINCT station_id)::int AS n FROM station_status WHERE system_id = ${systemId}`);
  return result.rows[0]?.n ?? 0;
}

/** Whether the producer has logged at least `times` refused polls for the system. */
function refusedPolls(running: WatchedProcess, systemId: string): number {
  return running.lines.filter((line) => line.text.includes('poll failed') && line.text.includes(`system=${systemId} `) && line.text.includes('refused by the')).length;
}

describe('a feed that links or redirects elsewhere (server-side request forgery)', () => {
  it('is refused before anything is requested there, the reason is dead-lettered, and a same-host feed keeps working', async () => {
    consumer = startWorkerProcess('consumer', env);
    const running = startWorkerProcess('producer', env);
    producer = running;
    const started = Date.now();

    const hostileIds = Object.keys(HOSTILE) as HostileId[];
    // Not waitFor's throw: on code without the defence the refusals never come, and the figures must still print.
    const settled = await waitFor(
      'two refused polls of every hostile feed and the same-host feed stored',
      async () => hostileIds.every((id) => refusedPolls(running, id) >= 2) && (await storedStations(LEGIT)) === STATIONS.length,
      90_000,
      250,
    ).catch(() => false);
    const settledSeconds = (Date.now() - started) / 1000;
    if (!settled) console.log(`producer log, last 30 lines:\n${running.lines.slice(-30).map((line) => line.text).join('\n')}`);
    await running.stop();

    const letters: DeadLetterMessage[] = (await readTopic(brokers, topicNames(env.KAFKA_TOPIC_PREFIX).deadLetter)).flatMap((message) => {
      const parsed = deadLetterMessageSchema.safeParse(JSON.parse(message.value?.toString('utf8') ?? 'null'));
      return parsed.success ? [parsed.data] : [];
    });
    const lettersOf = (id: HostileId) => letters.filter((letter) => letter.systemId === id && HOSTILE[id].test(letter.reason));
    const metadataLetters = lettersOf('redirect-metadata');
    const trapStations = await database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM stations WHERE station_id LIKE 'trap-%' OR name LIKE ${`%${LEAK_MARKER}%`}`);
    const leaked = [...letters.map((letter) => `${letter.reason} ${letter.payload}`), ...running.lines.map((line) => line.text)].filter((text) => text.includes(LEAK_MARKER));
    const legitStored = await storedStations(LEGIT);
    const legitRequests = hosts.at(-1)?.requests.length ?? 0;

    printFigures(
      `feed SSRF: requests that reached the second local port: ${trap.requests.length}; ` +
        hostileIds.map((id) => `${id}: ${refusedPolls(running, id)} refused polls, ${lettersOf(id).length} dead letters`).join('; ') +
        `; example reason: ${JSON.stringify(metadataLetters[0]?.reason ?? letters.find((letter) => letter.systemId === 'redirect-metadata')?.reason ?? null)}; ` +
        `trap stations stored: ${trapStations.rows[0]?.n}; response bytes copied into letters or logs: ${leaked.length}; ` +
        `same-host feed (with a same-host redirect): ${legitStored}/${STATIONS.length} stations stored from ${legitRequests} requests; settled in ${settledSeconds.toFixed(1)} s`,
    );

    expect.soft(settled, 'every hostile feed refused twice and the same-host feed stored, within 90 s').toBe(true);
    expect.soft(trap.requests, 'requests that reached the second local port').toEqual([]);
    for (const id of hostileIds) expect.soft(lettersOf(id).length, `dead letters naming the refusal for ${id}`).toBeGreaterThan(0);
    expect.soft(metadataLetters[0]?.payload, 'the refused redirect target, for the operator, in the internal dead letter').toBe(METADATA_URL);
    expect.soft(trapStations.rows[0]?.n, 'stations stored from the second local port').toBe(0);
    expect.soft(leaked, 'response bytes of refused fetches in dead letters or logs').toEqual([]);
    expect.soft(legitStored, 'stations of the same-host feed stored').toBe(STATIONS.length);
    expect.soft(running.child.exitCode === null || running.child.exitCode === 0, 'the producer ran until stopped').toBe(true);
  });
});
