import { sql } from 'drizzle-orm';
import type { OutgoingMessage } from '../../../lib/kafka/bus';
import { createBus, stationKey } from '../../../lib/kafka/client';
import { deadLetterMessageSchema, encode, MAX_DEAD_LETTER_BYTES } from '../../../lib/kafka/messages';
import { topicNames } from '../../../lib/kafka/topics';
import { printFigures } from '../../support/change-audit';
import { prepareTopics, readTopic } from '../../support/kafka-topic';
import { pipelineEnv, waitForConsumerCaughtUp } from '../../support/pipeline';
import { createTestDatabase } from '../../support/test-database';
import { startWorkerProcess, type WatchedProcess } from '../../support/watched-process';
import type { Scenario } from './scenario';

const SYSTEM = 'floodcity';
const START = Date.parse('2025-04-01T08:00:00Z');
const CONTROL_VALUES = 40;
const CONTROL_BYTES = 60 * 1024;
const JUNK_BYTES = 2 * 1024 * 1024;

const status = (stationId: string, minute: number) =>
  encode({ systemId: SYSTEM, stationId, reportedAt: new Date(START + minute * 60_000), bikes: minute % 10, ebikes: 0, docks: 10, isInstalled: true, isRenting: true, isReturning: true });

/**
 * Junk whose dead letters are far larger than itself, on one partition of the status topic between
 * good messages: 40 values of 60 KB of control characters (each 360 KB once JSON-escaped into a
 * dead letter; together far over the broker's 1 MB per request) and one value of 2 MB (the topic's
 * max.message.bytes raised for it). The consumer must stay up, commit past all of it, store every
 * good message around it and dead-letter each junk value with a reason.
 */
export async function prepareDeadLetterFlood(brokers: string[]): Promise<Scenario> {
  const database = await createTestDatabase();
  const env = pipelineEnv(brokers, database.url);
  await prepareTopics(brokers, env.KAFKA_TOPIC_PREFIX, Number(env.KAFKA_STATUS_PARTITIONS));
  const topics = topicNames(env.KAFKA_TOPIC_PREFIX);
  const bus = await createBus({ brokers, clientId: 'bikestream-test-flood', quiet: true });
  const admin = bus.inspector();
  await admin.connect();
  await admin.setTopicConfig(topics.stationStatus, 'max.message.bytes', String(3 * 1024 * 1024)).finally(() => admin.disconnect());
  let consumer: WatchedProcess | undefined;

  return {
    async close() {
      await consumer?.stop();
      await database.drop();
    },
    async run(expect) {
      consumer = startWorkerProcess('consumer', env);
      await consumer.waitForLine(/msg="consumer started"/, 90_000);
      const good: string[] = [];
      const goodMessage = (stationId: string, partition: number): OutgoingMessage => {
        good.push(`${stationId}@${START + good.length * 60_000}`);
        return { key: stationKey(SYSTEM, stationId), partition, value: status(stationId, good.length - 1) };
      };
      const junk = (value: string): OutgoingMessage => ({ key: stationKey(SYSTEM, 'flood'), partition: 0, value });
      const control = Array.from({ length: CONTROL_VALUES }, (_, index) => junk(String.fromCharCode(1 + (index % 8)).repeat(CONTROL_BYTES)));

      const producer = bus.producer();
      await producer.connect();
      try {
        const send = (messages: OutgoingMessage[]) => producer.send({ topic: topics.stationStatus, messages });
        await send([goodMessage('f-1', 0), goodMessage('f-2', 1)]);
        for (let from = 0; from < control.length; from += 10) await send([...control.slice(from, from + 10), goodMessage('f-1', 0)]);
        await send([junk('\u0007'.repeat(JUNK_BYTES))]);
        await send([goodMessage('f-1', 0), goodMessage('f-2', 1)]);
      } finally {
        await producer.disconnect();
      }
      const caughtUp = await waitForConsumerCaughtUp(env, 90_000).then(
        () => true,
        () => false,
      );

      const letters = (await readTopic(brokers, topics.deadLetter)).flatMap((message) => {
        const parsed = deadLetterMessageSchema.safeParse(JSON.parse(message.value?.toString('utf8') ?? 'null'));
        return parsed.success ? [{ ...parsed.data, bytes: message.value?.byteLength ?? 0 }] : [];
      });
      const notJson = letters.filter((letter) => /^value is not JSON/.test(letter.reason)).length;
      const tooBig = letters.filter((letter) => /bytes is over/.test(letter.reason)).length;
      const largest = Math.max(0, ...letters.map((letter) => letter.bytes));
      const rows = await database.db.execute<{ station_id: string; at: number }>(
        sql`SELECT station_id, extract(epoch FROM reported_at)::float8 * 1000 AS at FROM station_status WHERE system_id = ${SYSTEM}`,
      );
      const stored = new Set(rows.rows.map((row) => `${row.station_id}@${row.at}`));
      const lost = good.filter((entry) => !stored.has(entry));
      const alive = consumer.child.exitCode === null;
      printFigures(
        `dead-letter flood: served ${good.length}, stored ${rows.rows.length}, lost ${lost.length} (good status messages around ${CONTROL_VALUES} values of ` +
          `${CONTROL_BYTES / 1024} KB of control characters and one of ${JUNK_BYTES / 1024 / 1024} MB; dead-lettered ${notJson}/${CONTROL_VALUES} + ${tooBig}/1, ` +
          `largest dead letter ${(largest / 1024).toFixed(1)} KB; committed past the junk: ${caughtUp}; consumer alive: ${alive})`,
      );

      expect(alive, 'the consumer kept running').toBe(true);
      expect.soft(caughtUp, 'the consumer committed past every junk message').toBe(true);
      expect.soft(lost, 'good messages not stored').toEqual([]);
      expect.soft(notJson, 'dead letters for the control-character values').toBe(CONTROL_VALUES);
      expect.soft(tooBig, 'dead letter for the 2 MB value').toBe(1);
      expect.soft(largest, 'every dead letter within its bound').toBeLessThanOrEqual(MAX_DEAD_LETTER_BYTES);
    },
  };
}
