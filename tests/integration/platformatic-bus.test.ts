import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Bus, PartitionBatch } from '../../lib/kafka/bus';
import { createBus } from '../../lib/kafka/client';
import { partitionOf } from '../../lib/kafka/partition';
import { startSimulator, type RunningSimulator } from '../../workers/simulator/start';
import { checkCommittedRows } from '../support/committed-rows';
import { readTopic } from '../support/kafka-topic';
import { pipelineEnv, startPipeline, waitForConsumerCaughtUp } from '../support/pipeline';
import { waitFor, type RunningProcess } from '../support/processes';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const NODE = process.versions.node;
const SUPPORTED = Number(NODE.split('.')[0]) >= 22;
const PARTITIONS = 3;
const MESSAGES = 200;
const STATIONS = 30;

if (!SUPPORTED) {
  console.log(`[platformatic-bus] SKIPPED on Node ${NODE}: @platformatic/kafka needs Node 22 or later; npm test runs this file again under Node 24 (test:node24)`);
}

async function freshTopic(bus: Bus): Promise<string> {
  const topic = `platformatic-${randomBytes(4).toString('hex')}`;
  const admin = bus.admin();
  await admin.connect();
  try {
    expect(await admin.createTopics([{ topic, numPartitions: PARTITIONS }], { waitForLeaders: true })).toBe(true);
    expect(await admin.createTopics([{ topic, numPartitions: PARTITIONS }], { waitForLeaders: true }), 'a second create finds it there').toBe(false);
    expect(await admin.leaderlessPartitions([topic])).toEqual([]);
  } finally {
    await admin.disconnect();
  }
  return topic;
}

async function produce(bus: Bus, topic: string): Promise<void> {
  const producer = bus.producer();
  await producer.connect();
  try {
    await producer.send({ topic, messages: Array.from({ length: MESSAGES }, (_, index) => ({ key: `city/s${index}`, value: JSON.stringify({ index }) })) });
  } finally {
    await producer.disconnect();
  }
}

describe.skipIf(!SUPPORTED)('@platformatic/kafka behind the bus (KAFKA_CLIENT=platformatic)', () => {
  let bus: Bus;
  let database: TestDatabase | undefined;
  let simulator: RunningSimulator | undefined;
  let workers: { producer: RunningProcess; consumer: RunningProcess } | undefined;

  beforeAll(async () => {
    bus = await createBus({ brokers: inject('kafkaBrokers'), clientId: 'bikestream-test-platformatic', quiet: true }, 'platformatic');
  });

  afterAll(async () => {
    await Promise.all([workers?.producer.stop(), workers?.consumer.stop()]);
    await simulator?.close();
    await database?.drop();
  });

  it('puts each key on the partition KafkaJS would, and hands out batches of one partition in offset order, committed only when asked', async () => {
    const topic = await freshTopic(bus);
    await produce(bus, topic);

    const written = await readTopic(inject('kafkaBrokers'), topic);
    expect(written).toHaveLength(MESSAGES);
    expect(written.filter((message) => message.partition !== partitionOf(message.key ?? '', PARTITIONS))).toEqual([]);

    const groupId = `bikestream-test-platformatic-${randomBytes(4).toString('hex')}`;
    const consumer = bus.consumer({ groupId });
    const batches: PartitionBatch[] = [];
    await consumer.connect();
    await consumer.subscribe([topic], { fromBeginning: true });
    await consumer.run({
      partitionsConsumedConcurrently: 2,
      async eachBatch({ batch, heartbeat }) {
        await heartbeat();
        batches.push(batch);
        const last = batch.messages.at(-1);
        if (batch.partition === 0 && last) await consumer.commitOffsets([{ topic, partition: 0, offset: String(BigInt(last.offset) + 1n) }]);
      },
    });
    await waitFor('every message', async () => batches.reduce((sum, batch) => sum + batch.messages.length, 0) >= MESSAGES, 60_000, 100);
    await consumer.disconnect();

    for (const batch of batches) {
      const offsets = batch.messages.map((message) => Number(message.offset));
      expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
      expect(batch.messages.every((message) => partitionOf(message.key?.toString() ?? '', PARTITIONS) === batch.partition)).toBe(true);
    }
    const inspector = (await createBus({ brokers: inject('kafkaBrokers'), clientId: 'bikestream-test-inspect', quiet: true }, 'kafkajs')).inspector();
    await inspector.connect();
    const ends = await inspector.topicOffsets(topic);
    const committed = await inspector.groupOffsets(groupId, [topic]);
    await inspector.disconnect();
    expect(committed.sort((a, b) => a.partition - b.partition).map((entry) => entry.offset)).toEqual([ends.find((end) => end.partition === 0)?.high, '-1', '-1']);
  });

  it('reads a partition again from a sought offset, and the batch in hand is stale', async () => {
    const topic = await freshTopic(bus);
    await produce(bus, topic);
    const consumer = bus.consumer({ groupId: `bikestream-test-platformatic-${randomBytes(4).toString('hex')}` });
    const delivered: number[] = [];
    let seek: { target: number; firstBatch: number; staleAfter: boolean } | undefined;
    await consumer.connect();
    await consumer.subscribe([topic], { fromBeginning: true });
    await consumer.run({
      async eachBatch(context) {
        const { batch } = context;
        if (batch.partition !== 0) return;
        delivered.push(...batch.messages.map((message) => Number(message.offset)));
        if (!seek && batch.messages.length >= 2) {
          const target = Number(batch.messages[1]!.offset);
          consumer.seek({ topic, partition: 0, offset: String(target) });
          seek = { target, firstBatch: batch.messages.length, staleAfter: context.isStale() };
        }
      },
    });
    const last = (await readTopic(inject('kafkaBrokers'), topic)).filter((message) => message.partition === 0).length - 1;
    await waitFor('partition 0 read again to its end after the seek', async () => !!seek && delivered.slice(seek.firstBatch).includes(last), 60_000, 100);
    await consumer.disconnect();

    const { target, firstBatch, staleAfter } = seek!;
    expect(staleAfter).toBe(true);
    expect(delivered.slice(0, firstBatch)).toEqual(Array.from({ length: firstBatch }, (_, offset) => offset));
    expect(delivered.slice(firstBatch), 'everything from the sought offset, nothing fetched before the seek').toEqual(Array.from({ length: last - target + 1 }, (_, index) => target + index));
  });

  it('carries the simulator through both workers into PostgreSQL, commits every message, and stops on SIGTERM with exit 0', async () => {
    database = await createTestDatabase();
    simulator = await startSimulator({ interval: 1, stations: STATIONS, seed: 5, port: 0 });
    const env = pipelineEnv(inject('kafkaBrokers'), database.url, { GBFS_URL: simulator.url, KAFKA_CLIENT: 'platformatic' });
    workers = startPipeline(env);
    const stored = async () => (await database!.db.execute<{ n: number }>(sql`SELECT count(DISTINCT station_id)::int AS n FROM station_status`)).rows[0]?.n ?? 0;
    await waitFor('every station stored', async () => {
      for (const worker of Object.values(workers ?? {})) if (worker.child.exitCode !== null) throw new Error(`${worker.name} exited:\n${worker.output()}`);
      return (await stored()) === STATIONS;
    }, 90_000);
    await waitFor('a few more snapshots', async () => (await database!.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM station_status`)).rows[0]!.n > 2 * STATIONS, 60_000);

    expect(await workers.producer.stop()).toBe(0);
    await waitForConsumerCaughtUp(env);
    const rows = await checkCommittedRows(env, database.db);
    expect(rows.belowCommitted).toBeGreaterThan(STATIONS);
    expect(rows.missing).toEqual([]);
    expect(await workers.consumer.stop()).toBe(0);
    console.log(`[platformatic-bus] pipeline on Node ${NODE}: ${rows.belowCommitted} status messages committed, 0 missing`);
  });
});
