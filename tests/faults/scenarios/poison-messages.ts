import { sql } from 'drizzle-orm';
import { setTimeout as sleep } from 'node:timers/promises';
import type { OutgoingMessage } from '../../../lib/kafka/bus';
import { createBus, stationKey } from '../../../lib/kafka/client';
import { deadLetterMessageSchema, encode } from '../../../lib/kafka/messages';
import { topicNames } from '../../../lib/kafka/topics';
import { changeTableDiff, formatChangeTable, printFigures } from '../../support/change-audit';
import { prepareTopics, readTopic } from '../../support/kafka-topic';
import { pipelineEnv, waitForConsumerCaughtUp } from '../../support/pipeline';
import { createTestDatabase } from '../../support/test-database';
import { startWorkerProcess, type WatchedProcess } from '../../support/watched-process';
import type { Scenario } from './scenario';

const SYSTEM = 'poisoncity';
const START = Date.parse('2025-03-01T08:00:00Z');

interface Poison {
  name: string;
  value: string | null;
  reason: RegExp;
}

const status = (stationId: string, minute: number, bikes: number) =>
  encode({ systemId: SYSTEM, stationId, reportedAt: new Date(START + minute * 60_000), bikes, ebikes: 0, docks: 20 - bikes, isInstalled: true, isRenting: true, isReturning: true });
const withField = (field: string, value: unknown) => JSON.stringify({ ...(JSON.parse(status('p-x', 90, 3)) as object), [field]: value });

const POISONS: Poison[] = [
  { name: 'not JSON', value: 'bikes=5; docks=3 {', reason: /^value is not JSON/ },
  { name: 'JSON of another shape', value: JSON.stringify({ hello: 'world' }), reason: /^schema: systemId/ },
  { name: 'negative count', value: withField('bikes', -5), reason: /^schema: bikes/ },
  { name: 'a time that is not one', value: withField('reportedAt', 'yesterday'), reason: /^schema: reportedAt/ },
  { name: 'a JSON array', value: '[1,2,3]', reason: /^schema: \(root\)/ },
  { name: 'empty value', value: null, reason: /^empty value/ },
];
const HUGE: Poison = { name: '1 MB value', value: 'x'.repeat(1_000_000), reason: /bytes is over/ };
/** PostgreSQL text cannot hold NUL: refused by the message schema or, failing that, by the database. */
const REFUSED: Poison = { name: 'NUL in the station id', value: status('p-\u0000', 92, 3), reason: /^schema: stationId|^database rejected/ };

/**
 * Poison written straight to the status topic, between good messages on the same partitions: each
 * must reach the dead-letter topic with a reason, and every good message around it must be stored.
 */
export async function preparePoisonMessages(brokers: string[]): Promise<Scenario> {
  const database = await createTestDatabase();
  const env = pipelineEnv(brokers, database.url);
  await prepareTopics(brokers, env.KAFKA_TOPIC_PREFIX, Number(env.KAFKA_STATUS_PARTITIONS));
  let consumer: WatchedProcess | undefined;
  return {
    async close() {
      await consumer?.stop();
      await database.drop();
    },
    async run(expect) {
      consumer = startWorkerProcess('consumer', env);
      await consumer.waitForLine(/msg="consumer started"/, 90_000);
      const topic = topicNames(env.KAFKA_TOPIC_PREFIX).stationStatus;
      const good: { stationId: string; at: number; bikes: number }[] = [];
      const goodMessage = (stationId: string, partition: number): OutgoingMessage => {
        const minute = good.length;
        good.push({ stationId, at: START + minute * 60_000, bikes: minute % 15 });
        return { key: stationKey(SYSTEM, stationId), partition, value: status(stationId, minute, minute % 15) };
      };
      const poison = (stationId: string, partition: number, value: string | null): OutgoingMessage => ({ key: stationKey(SYSTEM, stationId), partition, value });
      const caughtUp = (timeoutMs: number) =>
        waitForConsumerCaughtUp(env, timeoutMs).then(
          () => true,
          () => false,
        );
      const producer = (await createBus({ brokers, clientId: 'bikestream-test-poison' })).producer();
      await producer.connect();
      let firstCaughtUp: boolean;
      let refusedCaughtUp: boolean;
      const storedBefore = () => database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM station_status WHERE system_id = ${SYSTEM}`);
      let otherPartitionStored: boolean;
      try {
        // 1. Every kind of junk between good messages, on partitions 0 and 1; the 1 MB value alone,
        //    as a broker takes about 1 MB per batch.
        for (const [stationId, partition] of [['p-1', 0], ['p-2', 1]] as const) {
          const messages = POISONS.flatMap((item) => [poison(stationId, partition, item.value), goodMessage(stationId, partition)]);
          await producer.send({ topic, messages: [goodMessage(stationId, partition), ...messages] });
        }
        await producer.send({ topic, messages: [poison('p-1', 0, HUGE.value)] });
        await producer.send({ topic, messages: [goodMessage('p-1', 0), goodMessage('p-2', 1)] });
        firstCaughtUp = await caughtUp(30_000);

        // 2. A row PostgreSQL would refuse, between good ones on partition 2; then one more good
        //    message on partition 0, to see whether the rest of the consumer goes on.
        await producer.send({ topic, messages: [goodMessage('p-3', 2), poison('p-3', 2, REFUSED.value), goodMessage('p-3', 2)] });
        await sleep(3_000);
        const rowsBefore = (await storedBefore()).rows[0]?.n ?? 0;
        await producer.send({ topic, messages: [goodMessage('p-1', 0)] });
        refusedCaughtUp = await caughtUp(20_000);
        otherPartitionStored = ((await storedBefore()).rows[0]?.n ?? 0) > rowsBefore;
      } finally {
        await producer.disconnect();
      }

      const letters = (await readTopic(brokers, topicNames(env.KAFKA_TOPIC_PREFIX).deadLetter)).flatMap((message) => {
        const parsed = deadLetterMessageSchema.safeParse(JSON.parse(message.value?.toString('utf8') ?? 'null'));
        return parsed.success && parsed.data.source === 'consumer' ? [parsed.data] : [];
      });
      const expectedPoisons = [...POISONS.flatMap((item) => [item, item]), HUGE, REFUSED];
      const unmatched = [...letters];
      const missing = expectedPoisons.filter((item) => {
        const index = unmatched.findIndex((letter) => item.reason.test(letter.reason));
        if (index >= 0) unmatched.splice(index, 1);
        return index < 0;
      });
      const rows = await database.db.execute<{ station_id: string; at: number; bikes: number }>(
        sql`SELECT station_id, extract(epoch FROM reported_at)::float8 * 1000 AS at, bikes FROM station_status WHERE system_id = ${SYSTEM}`,
      );
      const key = (row: { stationId: string; at: number; bikes: number }) => `${row.stationId}@${row.at} ${row.bikes}`;
      const stored = new Set(rows.rows.map((row) => key({ stationId: row.station_id, at: row.at, bikes: row.bikes })));
      const wanted = new Set(good.map(key));
      const lost = [...wanted].filter((entry) => !stored.has(entry));
      const extra = [...stored].filter((entry) => !wanted.has(entry));
      const changeTable = await changeTableDiff(database.db, SYSTEM);
      const stuckOn = /msg="database write failed, retrying" topic=\S+ partition=(\d+)/.exec(consumer.output())?.[1];
      printFigures(
        `poison messages: served ${good.length}, stored ${rows.rows.length}, lost ${lost.length}, duplicated ${extra.length}, ${formatChangeTable(changeTable)} ` +
          `(good status messages around ${expectedPoisons.length} poison ones; ${expectedPoisons.length - missing.length}/${expectedPoisons.length} dead-lettered; ` +
          `caught up after the junk: ${firstCaughtUp}, after the row PostgreSQL refuses: ${refusedCaughtUp}` +
          `${stuckOn ? ` (partition ${stuckOn} retried forever; other partitions ${otherPartitionStored ? 'went on' : 'stalled too'})` : ''}; consumer alive: ${consumer.child.exitCode === null})`,
      );

      expect(consumer.child.exitCode, 'the consumer kept running').toBeNull();
      expect.soft(firstCaughtUp, 'the consumer committed past every junk message').toBe(true);
      expect.soft(refusedCaughtUp, 'the consumer committed past the row PostgreSQL refuses').toBe(true);
      expect.soft(missing.map((item) => item.name), 'poison without a dead letter').toEqual([]);
      expect.soft(unmatched.map((letter) => letter.reason), 'unexpected dead letters').toEqual([]);
      expect.soft(lost, 'good messages not stored').toEqual([]);
      expect.soft(extra, 'rows nobody sent').toEqual([]);
      expect.soft(changeTable, 'station_change equals the LAG view').toMatchObject({ missing: [], extra: [] });
    },
  };
}
