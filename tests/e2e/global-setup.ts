import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startLocalBroker } from '../../scripts/kafka/broker';
import { startSimulator } from '../../workers/simulator/start';
import { E2E_PORT } from '../../playwright.config';
import { pipelineEnv, startPipeline } from '../support/pipeline';
import { showJarFetch, startWorker, waitFor } from '../support/processes';
import { createTestDatabase } from '../support/test-database';
import { getJson, startWeb } from '../support/web';

const E2E_BROKER_PORT = Number(process.env.E2E_KAFKA_PORT ?? 39292);
export const E2E_STATIONS = 60;

/**
 * The browser tests see the real thing: simulator → producer → Kafka → consumer → PostgreSQL →
 * the web server (server/index.ts), with a 3 s ttl so changes arrive while a test watches.
 */
export default async function globalSetup() {
  const given = process.env.KAFKA_BROKERS;
  const stops: (() => Promise<unknown>)[] = [];
  const teardown = async () => {
    for (const stop of stops.reverse()) await stop();
  };
  try {
    const dataDir = given ? undefined : await mkdtemp(path.join(tmpdir(), 'bikestream-e2e-kafka-'));
    if (dataDir) stops.push(() => rm(dataDir, { recursive: true, force: true }));
    const broker = dataDir ? await startLocalBroker({ port: E2E_BROKER_PORT, dataDir, log: showJarFetch }) : undefined;
    if (broker) stops.push(() => broker.stop());
    const database = await createTestDatabase();
    stops.push(() => database.drop());
    const simulator = await startSimulator({ interval: 3, stations: E2E_STATIONS, seed: 5, port: 0 });
    stops.push(() => simulator.close());
    const env = pipelineEnv(broker?.brokers ?? given!.split(','), database.url, { GBFS_URL: simulator.url });
    const workers = startPipeline(env);
    stops.push(() => Promise.all([workers.producer.stop(), workers.consumer.stop()]));
    // Causes, activity and report cards come from the classifier, which reads only PostgreSQL.
    const classifier = startWorker('classifier', env);
    stops.push(() => classifier.stop());
    // The specs load pages far faster than a person; the limits themselves are tested in tests/integration/rate-limit.test.ts.
    const web = await startWeb({ ...env, PAGE_RATE_LIMIT_PER_MINUTE: '600', PAGE_RATE_LIMIT_BURST: '200' }, E2E_PORT);
    stops.push(() => web.stop());
    await waitFor(
      'every simulated station to be stored',
      async () => (await getJson<{ stations?: unknown[] }>(`${web.baseUrl}/api/stations`)).body.stations?.length === E2E_STATIONS,
      90_000,
    );
    process.env.E2E_DATABASE_URL = database.url;
    // Specs that need a pipeline of their own (hostile-feed.spec.ts) share the broker.
    process.env.E2E_KAFKA_BROKERS = env.KAFKA_BROKERS;
  } catch (error) {
    // A failed setup gets no teardown call from Playwright: stop what was started here.
    await teardown();
    throw error;
  }
  return teardown;
}
