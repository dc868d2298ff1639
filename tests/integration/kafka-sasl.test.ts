import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../lib/runtime/env';
import { createBus } from '../../lib/kafka/client';
import { kafkaSecurity } from '../../lib/kafka/security';
import { startLocalBroker, type LocalBroker } from '../../scripts/kafka/broker';
import { pipelineEnv, startPipeline } from '../support/pipeline';
import { showJarFetch, waitFor, type RunningProcess } from '../support/processes';
import { startScriptedFeed, type ScriptedFeed } from '../support/scripted-feed';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { freePort } from '../support/web';

const USER = 'bikestream';
const PASSWORD = 'sasl-test-password';
const SASL_ENV = { KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: USER, KAFKA_SASL_PASSWORD: PASSWORD };

/** A broker whose second listener takes only SASL/PLAIN clients (the plaintext one is for its readiness probe). */
describe('Kafka with SASL/PLAIN', () => {
  let broker: LocalBroker;
  let dataDir: string;
  let saslAddress: string;
  let database: TestDatabase;
  let feed: ScriptedFeed;
  let workers: { producer: RunningProcess; consumer: RunningProcess } | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'bikestream-kafka-sasl-'));
    const [port, controllerPort, saslPort] = [await freePort(), await freePort(), await freePort()];
    saslAddress = `127.0.0.1:${saslPort}`;
    broker = await startLocalBroker({
      port,
      controllerPort,
      dataDir,
      log: showJarFetch,
      extraProperties: {
        listeners: `PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort},SASL://${saslAddress}`,
        'advertised.listeners': `PLAINTEXT://127.0.0.1:${port},SASL://${saslAddress}`,
        'listener.security.protocol.map': 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL:SASL_PLAINTEXT',
        'sasl.enabled.mechanisms': 'PLAIN',
        'listener.name.sasl.plain.sasl.jaas.config': `org.apache.kafka.common.security.plain.PlainLoginModule required user_${USER}="${PASSWORD}";`,
      },
    });
    database = await createTestDatabase();
    feed = await startScriptedFeed('saslcity');
    const now = Math.floor(Date.now() / 1000);
    feed.stations.information = [{ station_id: 's1', name: 'Station s1', lat: 59.9, lon: 10.7, capacity: 10 }];
    feed.stations.status = [{ station_id: 's1', num_bikes_available: 4, num_docks_available: 6, is_installed: true, is_renting: true, is_returning: true, last_reported: now }];
  });

  afterAll(async () => {
    await Promise.all([workers?.producer.stop(), workers?.consumer.stop()]);
    await feed?.close();
    await database?.drop();
    await broker?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses a client with the wrong password', async () => {
    const security = kafkaSecurity(parseEnv({ ...SASL_ENV, KAFKA_SASL_PASSWORD: 'not-the-password' }));
    const admin = (await createBus({ brokers: [saslAddress], clientId: 'bikestream-test-sasl', security, quiet: true, retries: 0 })).admin();
    const outcome = await admin.connect().then(() => admin.listTopics()).then(() => 'connected', (error: Error) => `${error.name}: ${error.message}`);
    await admin.disconnect();
    console.log(`[kafka-sasl] wrong password: ${outcome}`);
    expect(outcome).toMatch(/SASL.*(Authentication|authentication)/);
  });

  it('carries a feed into PostgreSQL when the workers get KAFKA_SASL_* from the environment', async () => {
    const started = performance.now();
    workers = startPipeline(pipelineEnv([saslAddress], database.url, { GBFS_URL: feed.url, ...SASL_ENV }));
    await waitFor(
      'the station stored through the SASL listener',
      async () => {
        for (const worker of Object.values(workers ?? {})) if (worker.child.exitCode !== null) throw new Error(`${worker.name} exited:\n${worker.output()}`);
        const stored = await database.db.execute<{ bikes: number }>(sql`SELECT bikes FROM station_status WHERE station_id = 's1'`);
        return stored.rows.length > 0;
      },
      90_000,
    );
    console.log(`[kafka-sasl] producer and consumer over SASL/PLAIN: station stored after ${Math.round(performance.now() - started)} ms`);
  });
});
