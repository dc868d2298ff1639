import { env } from '../../lib/runtime/env';
import { createBus } from '../../lib/kafka/client';
import { createSchemaChecker } from '../../lib/gbfs/schema-check';
import { ensureTopics } from '../../lib/kafka/topics';
import { runMain } from '../../lib/runtime/run-main';
import { handleShutdown } from '../../lib/runtime/shutdown';
import { createRenewingProducer } from '../../lib/kafka/renewing-producer';
import { createFeedFetcher } from './fetch-feed';
import { createSystemOwners } from './system-owners';
import { pollSystem } from './system-poller';

await runMain('producer', async (log) => {
  const config = env();
  const signal = handleShutdown(log);
  const bus = await createBus({ brokers: config.KAFKA_BROKERS, clientId: `${config.KAFKA_CLIENT_ID}-producer` });

  const admin = bus.admin();
  await admin.connect();
  const created = await ensureTopics(admin, config.KAFKA_STATUS_PARTITIONS);
  await admin.disconnect();
  if (created.length) log.info('topics created', { topics: created.join(',') });

  const producer = createRenewingProducer(bus, log);
  await producer.connect();
  log.info('producer started', { feeds: config.feedSystems.map((system) => system.url).join(','), brokers: config.KAFKA_BROKERS.join(','), client: config.KAFKA_CLIENT });

  // One system's crash stops the others too, so the process can exit non-zero. A system whose feed
  // fails only backs off itself: each has its own loop and its own fetcher (client id, validators).
  const stop = new AbortController();
  signal.addEventListener('abort', () => stop.abort());
  const schemaChecker = createSchemaChecker(config.GBFS_SCHEMA_DIR);
  const claimSystem = createSystemOwners();
  if (schemaChecker.off) log.warn('GBFS schema check off: feeds are parsed but not checked for conformance', { reason: schemaChecker.off });
  try {
    const results = await Promise.allSettled(
      config.feedSystems.map((feedSystem) =>
        pollSystem({
          feedUrl: feedSystem.url,
          language: feedSystem.language,
          heartbeatMs: config.HEARTBEAT_SECONDS * 1000,
          pollMinMs: config.POLL_MIN_MS,
          fetchFeed: createFeedFetcher({
            clientId: feedSystem.clientId,
            configuredUrl: feedSystem.url,
            allowedHosts: config.GBFS_ALLOWED_HOSTS,
            timeoutMs: config.GBFS_TIMEOUT_SECONDS * 1000,
            maxBytes: config.FEED_MAX_BYTES,
            signal: stop.signal,
          }),
          producer,
          log,
          signal: stop.signal,
          schemaChecker,
          claimSystem,
        }).catch((error: unknown) => {
          stop.abort();
          throw error;
        }),
      ),
    );
    const failure = results.find((result) => result.status === 'rejected');
    if (failure) throw failure.reason;
  } finally {
    await producer.disconnect();
  }
  log.info('producer stopped');
});
