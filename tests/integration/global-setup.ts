import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalBroker } from '../../scripts/kafka/broker';
import { showJarFetch } from '../support/processes';

declare module 'vitest' {
  export interface ProvidedContext {
    kafkaBrokers: string[];
  }
}

const TEST_BROKER_PORT = Number(process.env.TEST_KAFKA_PORT ?? 39092);

/**
 * Integration tests talk to a real broker: the one named by KAFKA_BROKERS, or a fresh single-node
 * KRaft broker started here from the cached Maven jars and removed afterwards.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(path.join(import.meta.dirname, '..', '..', '.next', 'BUILD_ID'))) {
    throw new Error('The web app is not built: run `npm run build` before the integration tests (npm test does).');
  }
  const given = process.env.KAFKA_BROKERS;
  if (given) {
    project.provide('kafkaBrokers', given.split(','));
    return;
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'bikestream-kafka-'));
  const broker = await startLocalBroker({ port: TEST_BROKER_PORT, dataDir, log: showJarFetch });
  project.provide('kafkaBrokers', broker.brokers);
  return async () => {
    await broker.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
