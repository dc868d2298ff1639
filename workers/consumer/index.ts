import { createDatabase } from '../../lib/db/client';
import { checkDatabase } from '../../lib/queries/health';
import { env } from '../../lib/runtime/env';
import { createBus } from '../../lib/kafka/client';
import { createRenewingProducer } from '../../lib/kafka/renewing-producer';
import { ensureTopics, topicNames } from '../../lib/kafka/topics';
import { runMain } from '../../lib/runtime/run-main';
import { handleShutdown } from '../../lib/runtime/shutdown';
import { createBatchHandler } from './batch-handler';
import { createWritePipeline } from './write-pipeline';
import { CONSUMED_KINDS } from './decode';

await runMain('consumer', async (log) => {
  const config = env();
  const signal = handleShutdown(log);
  const db = createDatabase(config.DATABASE_URL, { max: 4, applicationName: 'bikestream-consumer' });
  // A missing database or bad credentials will not fix themselves: fail now with one clear line.
  const database = await checkDatabase(db);
  if (!database.ok) {
    await db.$client.end();
    throw new Error(`cannot use DATABASE_URL: ${database.error}`);
  }
  const bus = await createBus({ brokers: config.KAFKA_BROKERS, clientId: `${config.KAFKA_CLIENT_ID}-consumer` });

  const admin = bus.admin();
  await admin.connect();
  await ensureTopics(admin, config.KAFKA_STATUS_PARTITIONS);
  await admin.disconnect();

  // A failed dead-letter send retires its idempotent producer, as in the producer (lib/kafka/renewing-producer.ts).
  const deadLetterProducer = createRenewingProducer(bus, log);
  await deadLetterProducer.connect();
  const consumer = bus.consumer({
    groupId: config.KAFKA_CONSUMER_GROUP,
    sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
    heartbeatIntervalMs: 3_000,
    maxBytesPerPartition: 2 * 1024 * 1024,
    retries: 30,
  });
  await consumer.connect();
  const topics = topicNames();
  const kindByTopic = new Map(CONSUMED_KINDS.map((kind) => [topics[kind], kind] as const));
  await consumer.subscribe([...kindByTopic.keys()], { fromBeginning: true });

  const crashed = new Promise<never>((_, reject) => consumer.onCrash(reject));
  // Two writes running (one per core) and one decoded batch waiting: ~3 × 9k rows in memory.
  const pipeline = createWritePipeline({ maxPending: 3 });
  await consumer.run({
    partitionsConsumedConcurrently: 2,
    eachBatch: createBatchHandler({ db, pipeline, kindByTopic, consumer, deadLetterProducer, log, signal }),
  });
  log.info('consumer started', { group: config.KAFKA_CONSUMER_GROUP, topics: [...kindByTopic.keys()].join(','), client: config.KAFKA_CLIENT });

  const stopped = new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  try {
    await Promise.race([stopped, crashed, pipeline.failed]);
    // Writes already queued finish (or, once aborted, give up uncommitted) before the group is left.
    await pipeline.drain();
  } finally {
    await consumer.disconnect();
    await deadLetterProducer.disconnect();
    await db.$client.end();
  }
  log.info('consumer stopped');
});
