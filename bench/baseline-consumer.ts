/**
 * The article's approach, kept only as a baseline for `npm run bench`: one INSERT per Kafka message,
 * each its own transaction (autocommit), offsets committed after each fetched batch as KafkaJS's
 * autocommit did. Not used by the app.
 */
import { Client } from 'pg';
import { env } from '../lib/runtime/env';
import { createBus } from '../lib/kafka/client';
import { stationStatusMessageSchema } from '../lib/kafka/messages';
import { topicNames } from '../lib/kafka/topics';
import { runMain } from '../lib/runtime/run-main';
import { handleShutdown } from '../lib/runtime/shutdown';
import { BASELINE_APPLICATION_NAME } from './consumer-run';

await runMain('baseline-consumer', async (log) => {
  const config = env();
  const signal = handleShutdown(log);
  const client = new Client({ connectionString: config.DATABASE_URL, application_name: BASELINE_APPLICATION_NAME });
  await client.connect();
  const bus = await createBus({ brokers: config.KAFKA_BROKERS, clientId: `${config.KAFKA_CLIENT_ID}-baseline` });
  const consumer = bus.consumer({ groupId: config.KAFKA_CONSUMER_GROUP });
  await consumer.connect();
  await consumer.subscribe([topicNames().stationStatus], { fromBeginning: true });
  await consumer.run({
    eachBatch: async ({ batch, resolveOffset }) => {
      for (const message of batch.messages) {
        const row = stationStatusMessageSchema.parse(JSON.parse(message.value?.toString('utf8') ?? 'null'));
        await client.query(
          `INSERT INTO station_status (system_id, station_id, reported_at, bikes, ebikes, docks, is_installed, is_renting, is_returning)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
          [row.systemId, row.stationId, row.reportedAt.toISOString(), row.bikes, row.ebikes, row.docks, row.isInstalled, row.isRenting, row.isReturning],
        );
        resolveOffset(message.offset);
      }
      const last = batch.messages.at(-1);
      if (last) await consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: (BigInt(last.offset) + 1n).toString() }]);
    },
  });
  log.info('consumer started');
  await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  await consumer.disconnect();
  await client.end();
});
