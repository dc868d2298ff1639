import { sql } from 'drizzle-orm';
import { deadLetterMessageSchema, MAX_DEAD_LETTER_BYTES } from '../../../lib/kafka/messages';
import { topicNames } from '../../../lib/kafka/topics';
import { printFigures } from '../../support/change-audit';
import { prepareTopics, readTopic } from '../../support/kafka-topic';
import { pipelineEnv } from '../../support/pipeline';
import { waitFor } from '../../support/processes';
import { startScriptedFeed, type ScriptedFeed } from '../../support/scripted-feed';
import { createTestDatabase } from '../../support/test-database';
import { startWorkerProcess, type WatchedProcess } from '../../support/watched-process';
import type { Scenario } from './scenario';

const SYSTEM = 'malformedcity';
const GOOD = 10;
const MALFORMED = 5_000;
/** Escaped into a dead letter, each record is a few KB; together several MB, far over one Kafka request. */
const NOISE = '\u0001'.repeat(300);

/**
 * A feed of 5,000 malformed station records (wrong types, control characters) and 10 good ones,
 * in both station_information and station_status. Their dead letters come to several MB per poll;
 * the producer must stay up and publish the 10 good stations, which the consumer stores.
 */
export async function prepareMalformedFeedFlood(brokers: string[]): Promise<Scenario> {
  const database = await createTestDatabase();
  const feed: ScriptedFeed = await startScriptedFeed(SYSTEM);
  const now = Math.floor(Date.now() / 1000);
  const goodIds = Array.from({ length: GOOD }, (_, index) => `good-${index}`);
  feed.stations.information = [
    ...Array.from({ length: MALFORMED }, (_, index) => ({ station_id: `junk-${index}`, name: NOISE, lat: 'north', lon: 999, capacity: -1 })),
    ...goodIds.map((id, index) => ({ station_id: id, name: `Good ${index}`, lat: 59.9 + index / 1000, lon: 10.7, capacity: 20 })),
  ];
  feed.stations.status = [
    ...Array.from({ length: MALFORMED }, (_, index) => ({ station_id: `junk-${index}`, num_bikes_available: NOISE, num_docks_available: -4, is_installed: 'yes', last_reported: now })),
    ...goodIds.map((id, index) => ({
      station_id: id,
      num_bikes_available: index,
      num_docks_available: 20 - index,
      is_installed: true,
      is_renting: true,
      is_returning: true,
      last_reported: now,
    })),
  ];
  const env = pipelineEnv(brokers, database.url, { GBFS_URL: feed.url, POLL_MIN_MS: '5000' });
  await prepareTopics(brokers, env.KAFKA_TOPIC_PREFIX, Number(env.KAFKA_STATUS_PARTITIONS));
  let producer: WatchedProcess | undefined;
  let consumer: WatchedProcess | undefined;

  return {
    async close() {
      await Promise.all([producer?.stop(), consumer?.stop()]);
      await feed.close();
      await database.drop();
    },
    async run(expect) {
      consumer = startWorkerProcess('consumer', env);
      producer = startWorkerProcess('producer', env);
      const storedGood = async () => {
        const result = await database.db.execute<{ n: number }>(sql`SELECT count(DISTINCT station_id)::int AS n FROM station_status WHERE system_id = ${SYSTEM}`);
        return result.rows[0]?.n ?? 0;
      };
      const startedAt = Date.now();
      const allStored = await waitFor('the 10 good stations in station_status', async () => (await storedGood()) >= GOOD, 90_000, 500).then(
        () => true,
        () => false,
      );
      const storedAfter = (Date.now() - startedAt) / 1000;
      const stations = await database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM stations WHERE system_id = ${SYSTEM}`);
      // One more poll after the first, to see the producer go on.
      const polls = () => producer?.lines.filter((line) => / msg=polled /.test(line.text)).length ?? 0;
      const polledBefore = polls();
      const polledAgain = await waitFor('another poll', async () => polls() > polledBefore, 60_000, 250).then(
        () => true,
        () => false,
      );

      const letters = (await readTopic(brokers, topicNames(env.KAFKA_TOPIC_PREFIX).deadLetter, 120_000)).flatMap((message) => {
        const parsed = deadLetterMessageSchema.safeParse(JSON.parse(message.value?.toString('utf8') ?? 'null'));
        return parsed.success && parsed.data.source === 'producer' ? [{ ...parsed.data, bytes: message.value?.byteLength ?? 0 }] : [];
      });
      const junkStations = (file: string) => new Set(letters.filter((letter) => letter.reason.startsWith(`${file}: `) && letter.stationId?.startsWith('junk-')).map((letter) => letter.stationId)).size;
      const deadLetterMb = letters.reduce((sum, letter) => sum + letter.bytes, 0) / 1024 / 1024;
      const producerAlive = producer.child.exitCode === null;
      const consumerAlive = consumer.child.exitCode === null;
      const goodStored = await storedGood();
      printFigures(
        `malformed feed: ${GOOD} good and ${MALFORMED} malformed station records; good stations stored ${goodStored}/${GOOD} after ${storedAfter.toFixed(1)} s, ` +
          `${stations.rows[0]?.n ?? 0} in stations; malformed dead-lettered: ${junkStations('station_status')}/${MALFORMED} status, ${junkStations('station_information')}/${MALFORMED} information ` +
          `(${letters.length} producer dead letters, ${deadLetterMb.toFixed(1)} MB); polled again: ${polledAgain}; producer alive: ${producerAlive}, consumer alive: ${consumerAlive}`,
      );

      expect(producerAlive, 'the producer kept running').toBe(true);
      expect(consumerAlive, 'the consumer kept running').toBe(true);
      expect.soft(allStored, 'the 10 good stations stored').toBe(true);
      expect.soft(stations.rows[0]?.n, 'the 10 good stations in stations').toBe(GOOD);
      expect.soft(polledAgain, 'polling went on').toBe(true);
      expect.soft(junkStations('station_status'), 'malformed status records dead-lettered').toBe(MALFORMED);
      expect.soft(junkStations('station_information'), 'malformed information records dead-lettered').toBe(MALFORMED);
      expect.soft(Math.max(0, ...letters.map((letter) => letter.bytes)), 'every dead letter within its bound').toBeLessThanOrEqual(MAX_DEAD_LETTER_BYTES);
    },
  };
}
