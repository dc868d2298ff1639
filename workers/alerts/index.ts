import { readAlertsFile } from '../../lib/alerts/alerts-file';
import { TransitionTracker } from '../../lib/alerts/transitions';
import { createWebhookPoster } from '../../lib/alerts/webhook-poster';
import { createDatabase } from '../../lib/db/client';
import { createBus } from '../../lib/kafka/client';
import { ensureTopics, topicNames } from '../../lib/kafka/topics';
import { listActiveConditions, listLatestReports } from '../../lib/queries/alert-deliveries';
import { checkDatabase } from '../../lib/queries/health';
import { env } from '../../lib/runtime/env';
import { runMain } from '../../lib/runtime/run-main';
import { handleShutdown } from '../../lib/runtime/shutdown';
import { createBatchHandler } from './batch-handler';
import { createSender } from './sender';

await runMain('alerts', async (log) => {
  const config = env();
  if (!config.ALERTS_FILE) throw new Error('ALERTS_FILE is not set: it names the JSON list of webhook alerts (README, "Alerts")');
  const file = readAlertsFile(config.ALERTS_FILE);
  if (!file.ok) throw new Error(file.reason);
  const alerts = file.alerts;
  const signal = handleShutdown(log);
  const db = createDatabase(config.DATABASE_URL, { max: 3, applicationName: 'bikestream-alerts' });
  const database = await checkDatabase(db);
  if (!database.ok) {
    await db.$client.end();
    throw new Error(`cannot use DATABASE_URL: ${database.error}`);
  }

  // Silent as the web judges it (lib/stations/station-reporting.ts), with its smallest margin: a heartbeat and a minute.
  const silenceMs = (config.HEARTBEAT_SECONDS + 60) * 1000;
  const tracker = new TransitionTracker(alerts, silenceMs);
  tracker.restore(await listActiveConditions(db), await listLatestReports(db, [...new Set(alerts.map((alert) => alert.system))]));

  const bus = await createBus({ brokers: config.KAFKA_BROKERS, clientId: `${config.KAFKA_CLIENT_ID}-alerts` });
  const admin = bus.admin();
  await admin.connect();
  await ensureTopics(admin, config.KAFKA_STATUS_PARTITIONS);
  await admin.disconnect();

  // The sender stops on a signal, and also when the consumer crashes.
  const stopSending = new AbortController();
  const sender = createSender({
    db,
    alerts: new Map(alerts.map((alert) => [alert.id, alert])),
    post: createWebhookPoster(),
    log,
    signal: AbortSignal.any([signal, stopSending.signal]),
    maxAttempts: config.ALERTS_MAX_ATTEMPTS,
    retryBaseMs: config.ALERTS_RETRY_BASE_MS,
    retryCapMs: config.ALERTS_RETRY_CAP_SECONDS * 1000,
  });
  const sending = sender.run();

  const consumer = bus.consumer({ groupId: config.KAFKA_ALERTS_GROUP, sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS, heartbeatIntervalMs: 3_000, retries: 30 });
  await consumer.connect();
  await consumer.subscribe([topicNames().stationStatus], { fromBeginning: true });
  const crashed = new Promise<never>((_, reject) => consumer.onCrash(reject));
  // One partition at a time: the tracker is one state, and not_reporting compares reports across partitions.
  await consumer.run({
    partitionsConsumedConcurrently: 1,
    eachBatch: createBatchHandler({ db, consumer, tracker, maxAgeMs: config.ALERTS_MAX_AGE_SECONDS * 1000, log, onStored: sender.wake }),
  });
  log.info('alerts started', { alerts: alerts.length, group: config.KAFKA_ALERTS_GROUP, client: config.KAFKA_CLIENT });

  const stopped = new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  try {
    await Promise.race([stopped, crashed, sending]);
  } finally {
    stopSending.abort();
    await consumer.disconnect();
    await sending;
    await db.$client.end();
  }
  log.info('alerts stopped');
});
