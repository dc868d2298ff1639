/**
 * The article's approach, kept only as a baseline for `npm run bench`: one INSERT per Kafka message,
 * each its own transaction (autocommit), offsets auto-committed by the client. Not used by the app.
 */
import { Client } from 'pg';
import { env } from '../lib/runtime/env';
import { createKafka } from '../lib/kafka/client';
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
  const consumer = createKafka(config.KAFKA_BROKERS, `${config.KAFKA_CLIENT_ID}-baseline`).consumer({ groupId: config.KAFKA_CONSUMER_GROUP });
  await consumer.connect();
  await consumer.subscribe({ topics: [topicNames().stationStatus], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const row = stationStatusMessageSchema.parse(JSON.parse(message.value?.toString('utf8') ?? 'null'));
      await client.query(
        `INSERT INTO station_status (system_id, station_id, reported_at, bikes, ebikes, docks, is_installed, is_renting, is_returning)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
        [row.systemId, row.stationId, row.reportedAt.toISOString(), row.bikes, row.ebikes, row.docks, row.isInstalled, row.isRenting, row.isReturning],
      );
    },
  });
  log.info('consumer started');
  await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  await consumer.disconnect();
  await client.end();
});
