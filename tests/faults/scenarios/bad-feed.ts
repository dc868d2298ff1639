import { sql } from 'drizzle-orm';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ExpectStatic } from 'vitest';
import { isFeedStale } from '../../../lib/stations/availability';
import { deadLetterMessageSchema } from '../../../lib/kafka/messages';
import { topicNames } from '../../../lib/kafka/topics';
import { changeTableDiff, compareChanges, formatAudit, printFigures, storedChanges } from '../../support/change-audit';
import { DUPLICATE_SNAPSHOT, GHOST_STATION, RECORD_JUNK, startEvilFeed, SYSTEM_ID, type BadKind } from '../../support/evil-feed';
import { prepareTopics, readTopic } from '../../support/kafka-topic';
import { pipelineEnv, waitForConsumerCaughtUp } from '../../support/pipeline';
import { waitFor } from '../../support/processes';
import { expectedChanges } from '../../support/recorded-changes';
import { createTestDatabase } from '../../support/test-database';
import { startWorkerProcess, type WatchedProcess } from '../../support/watched-process';
import { startWeb } from '../../support/web';
import type { Scenario } from './scenario';

/** Each whole-response fault, served once between good snapshots, and the reason its dead letter must give. */
const ONE_AT_A_TIME: [BadKind, RegExp][] = [
  ['http-500', /HTTP 500/],
  ['http-503', /HTTP 503/],
  ['timeout', /no answer within/],
  ['slow-body', /body not received within|body cut off/],
  ['html', /not JSON \(an HTML or XML page/],
  ['empty', /empty body/],
  ['truncated', /not JSON/],
  ['not-gbfs', /not a GBFS file/],
  ['data-not-object', /not a GBFS file/],
  ['stations-not-array', /stations/],
  ['json-null', /not a GBFS file/],
  ['huge-streamed', /body is over the \d+-byte limit/],
  ['huge-declared', /body of \d+ bytes is over the \d+-byte limit/],
];
/** Served to every request, in rotation, while the feed is down for good. */
const OUTAGE: BadKind[] = ['http-500', 'timeout', 'html', 'truncated', 'http-503', 'empty'];
/** The feed age at which /api/health calls a feed with a ttl of 0 stale, by the app's own rule. */
function staleAfterSeconds(): number {
  let seconds = 0;
  while (!isFeedStale(new Date(0), 0, seconds * 1000 + 500) && seconds < 3_600) seconds += 1;
  return seconds;
}

/** Good snapshots carry a last_updated this far behind the clock, so a broken feed turns stale sooner. */
const LAG_SECONDS = Math.max(0, staleAfterSeconds() - 15);

interface Health {
  feeds: { systemId: string; stale: boolean; feedAgeSeconds: number | null }[];
}

/**
 * The producer reads a feed of our own that fails in every way we know: whole responses (timeouts,
 * 5xx, HTML, empty, truncated, wrong types, 50 MB, clocks at 1970 or a day ahead) and single records
 * (negative, absurd and mistyped counts, duplicates, a missing id), plus a station that is only in
 * station_status and one that vanishes and returns. The producer must keep polling, dead-letter what
 * is bad, store nothing that a good snapshot did not say, and /api/health must call the feed stale
 * while it is broken.
 */
export async function prepareBadFeed(brokers: string[]): Promise<Scenario> {
  const database = await createTestDatabase();
  const feed = await startEvilFeed({ seed: 505, lagSeconds: LAG_SECONDS });
  // A 2 MB cap, not the default 20 MB: the 50 MB bodies must meet the size cap within the 1 s timeout
  // even on a loaded machine, or the reason would be the timeout and not the limit under test.
  const env = pipelineEnv(brokers, database.url, { GBFS_URL: feed.url, POLL_MIN_MS: '300', GBFS_TIMEOUT_SECONDS: '1', FEED_MAX_BYTES: String(2 * 1024 * 1024) });
  await prepareTopics(brokers, env.KAFKA_TOPIC_PREFIX, Number(env.KAFKA_STATUS_PARTITIONS));
  const web = await startWeb(env);
  let producer: WatchedProcess | undefined;
  let consumer: WatchedProcess | undefined;

  let lastAge: number | null | undefined;
  const feedStale = async (): Promise<boolean | undefined> => {
    const response = await fetch(`${web.baseUrl}/api/health`);
    const body = (await response.json()) as Health;
    const entry = body.feeds.find((feed) => feed.systemId === SYSTEM_ID);
    lastAge = entry?.feedAgeSeconds;
    return entry?.stale;
  };
  const statusUpdatedAt = async (): Promise<number | null> => {
    const result = await database.db.execute<{ at: number | null }>(sql`SELECT extract(epoch FROM status_updated_at)::float8 AS at FROM systems WHERE system_id = ${SYSTEM_ID}`);
    return result.rows[0]?.at ?? null;
  };
  /** Until the snapshot of this last_updated is in the database (the producer sends the system row last). */
  const waitForStored = (lastUpdated: number) => waitFor(`snapshot ${lastUpdated} in the database`, async () => (await statusUpdatedAt()) === lastUpdated, 90_000, 200);
  /** Serves one odd snapshot, then waits until the producer has polled it and the consumer caught up. */
  const serveOdd = async (running: WatchedProcess, kind: BadKind) => {
    feed.enqueue(kind);
    const served = await waitFor(`the ${kind} snapshot to be served`, async () => feed.served.find((entry) => entry.kind === kind), 90_000, 200);
    await waitFor(`a poll of the ${kind} snapshot`, async () => running.lines.some((line) => line.at > served.at && / msg=(polled|"poll failed)/.test(line.text)), 30_000, 100);
    await waitForConsumerCaughtUp(env, 60_000);
  };

  async function run(expect: ExpectStatic) {
    feed.enqueue('good', 'good', ...ONE_AT_A_TIME.flatMap(([kind]): ('good' | BadKind)[] => [kind, 'good']));
    consumer = startWorkerProcess('consumer', env);
    const running = startWorkerProcess('producer', env);
    producer = running;

    // 1. Every fault once, each followed by a good snapshot.
    await waitFor('the queued responses to be served', async () => feed.queued() === 0, 180_000, 250);
    await waitForStored(feed.goodSnapshots.at(-1)?.lastUpdated ?? 0);
    const staleBeforeOutage = await feedStale();

    // 2. The whole feed down (every file, every request) until /api/health calls it stale.
    const brokenAt = Date.now();
    feed.breakAll(OUTAGE);
    await waitFor('/api/health to call the feed stale', async () => (await feedStale()) === true, 90_000, 1_000);
    const staleAfter = (Date.now() - brokenAt) / 1000;
    const staleWhileDown: (boolean | undefined)[] = [];
    for (let check = 0; check < 3; check += 1) {
      await sleep(1_000);
      staleWhileDown.push(await feedStale());
    }
    const requestsWhileDown = feed.served.filter((item) => item.at >= brokenAt).length;
    feed.repair();

    // 3. The last good counts under a last_updated near 1970, then under one a day ahead.
    await serveOdd(running, 'epoch');
    const staleAt1970 = await feedStale();
    await serveOdd(running, 'future');
    const storedFuture = await statusUpdatedAt();
    const staleInFuture = await feedStale();
    const ageInFuture = lastAge;

    // 4. Good again.
    feed.enqueue('good', 'good', 'good');
    await waitFor('the last good snapshots to be served', async () => feed.queued() === 0, 90_000, 250);
    await waitForStored(feed.goodSnapshots.at(-1)?.lastUpdated ?? 0);
    const staleAtEnd = await feedStale();
    await waitForConsumerCaughtUp(env, 60_000);

    const letters = (await readTopic(brokers, topicNames(env.KAFKA_TOPIC_PREFIX).deadLetter)).flatMap((message) => {
      const parsed = deadLetterMessageSchema.safeParse(JSON.parse(message.value?.toString('utf8') ?? 'null'));
      return parsed.success ? [parsed.data] : [];
    });
    const feedLetters = letters.filter((letter) => letter.stationId === null && /^station_status: /.test(letter.reason));
    const missingFaults = ONE_AT_A_TIME.filter(([, reason]) => !feedLetters.some((letter) => reason.test(letter.reason))).map(([kind]) => kind);
    const missingRecords = RECORD_JUNK.filter((junk) => !letters.some((letter) => letter.stationId === junk.stationId && junk.reason.test(letter.reason))).map(
      (junk) => junk.stationId ?? 'no station_id',
    );
    if (!letters.some((letter) => letter.stationId === 'st-01' && /duplicate station_id/.test(letter.reason))) missingRecords.push(`duplicate st-01 in snapshot ${DUPLICATE_SNAPSHOT}`);

    // Every stored number must be one that a good snapshot served for that station at that time.
    const served = new Set(
      feed.goodSnapshots.flatMap((snapshot) => snapshot.stations.map((station) => `${station.station_id}@${station.last_reported} ${station.num_bikes_available}/${station.num_docks_available}`)),
    );
    const rows = await database.db.execute<{ station_id: string; at: number; bikes: number; docks: number | null }>(
      sql`SELECT station_id, extract(epoch FROM reported_at)::float8 AS at, bikes, docks FROM station_status WHERE system_id = ${SYSTEM_ID}`,
    );
    const wrong = rows.rows.filter((row) => !served.has(`${row.station_id}@${row.at} ${row.bikes}/${row.docks}`));
    const audit = {
      ...compareChanges(expectedChanges(feed.goodSnapshots), await storedChanges(database.db, SYSTEM_ID)),
      changeTable: await changeTableDiff(database.db, SYSTEM_ID),
    };
    const bad = RECORD_JUNK.length + 1;
    printFigures(
      formatAudit(
        'bad feed',
        audit,
        `${ONE_AT_A_TIME.length - missingFaults.length}/${ONE_AT_A_TIME.length} broken responses and ${bad - missingRecords.length}/${bad} bad records dead-lettered; ` +
          `wrong numbers stored: ${wrong.length} of ${rows.rows.length} rows; stale ${staleAfter.toFixed(0)} s into a ${requestsWhileDown}-request outage; ` +
          `stale with last_updated in 1970: ${staleAt1970}, a day ahead: ${staleInFuture} (feedAgeSeconds ${ageInFuture}); producer alive: ${running.child.exitCode === null}`,
      ),
    );

    expect(running.child.exitCode, 'the producer kept running').toBeNull();
    expect(consumer.child.exitCode, 'the consumer kept running').toBeNull();
    expect.soft(missingFaults, 'broken responses without a dead letter').toEqual([]);
    expect.soft(missingRecords, 'bad records without a dead letter').toEqual([]);
    expect.soft(wrong, 'stored rows that no good snapshot served').toEqual([]);
    expect.soft(audit.lost).toEqual([]);
    expect.soft(audit.duplicated).toEqual([]);
    expect.soft(audit.changeTable, 'station_change equals the LAG view').toMatchObject({ missing: [], extra: [] });
    expect.soft(rows.rows.some((row) => row.station_id === GHOST_STATION), 'the station missing from station_information is stored').toBe(true);
    expect.soft(staleBeforeOutage, 'fresh before the outage').toBe(false);
    expect.soft(staleWhileDown, 'stale for as long as the feed is down').toEqual([true, true, true]);
    expect.soft(staleAt1970, 'stale while last_updated is near 1970').toBe(true);
    expect.soft(storedFuture === null || storedFuture <= Date.now() / 1000 + 3_600, 'no feed time a day ahead is stored').toBe(true);
    expect.soft(staleInFuture, 'stale while last_updated is a day ahead').toBe(true);
    expect.soft(staleAtEnd, 'fresh again once good snapshots return').toBe(false);
  }

  return {
    run,
    async close() {
      await Promise.all([producer?.stop(), consumer?.stop(), web.stop()]);
      await feed.close();
      await database.drop();
    },
  };
}
