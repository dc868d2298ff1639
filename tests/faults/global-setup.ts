import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createBus } from '../../lib/kafka/client';
import { startLocalBroker, type LocalBroker } from '../../scripts/kafka/broker';
import { waitFor } from '../support/processes';

declare module 'vitest' {
  export interface ProvidedContext {
    faultBrokers: string[];
    /** POST /kill (SIGKILL) and POST /start (same port, same data directory) for the suite's broker. */
    brokerControlUrl: string;
  }
}

const BROKER_PORT = Number(process.env.FAULTS_KAFKA_PORT ?? 29092);

/**
 * The fault suite owns its broker (never a shared one: it gets killed). It lives in this process,
 * which outlives the test files, and a tiny local HTTP endpoint lets a test kill and restart it.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(path.join(import.meta.dirname, '..', '..', '.next', 'BUILD_ID'))) {
    throw new Error('The web app is not built: run `npm run build` before the fault suite.');
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'bikestream-faults-kafka-'));
  const start = () => startLocalBroker({ port: BROKER_PORT, dataDir, log: () => undefined });
  let broker: LocalBroker = await start();
  await createOffsetsTopic(broker.brokers);

  const control = createServer((request, response) => {
    const answer = (status: number, body: unknown) => response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    const act = async () => {
      if (request.method === 'POST' && request.url === '/kill') {
        const exited = new Promise((resolve) => broker.process.once('close', resolve));
        broker.process.kill('SIGKILL');
        await exited;
        return { killed: broker.process.pid };
      }
      if (request.method === 'POST' && request.url === '/start') {
        const startedAt = Date.now();
        broker = await start();
        return { pid: broker.process.pid, ms: Date.now() - startedAt };
      }
      return undefined;
    };
    act().then(
      (body) => (body ? answer(200, body) : answer(404, { error: 'unknown' })),
      (error: unknown) => answer(500, { error: error instanceof Error ? error.message : String(error) }),
    );
  });
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));

  project.provide('faultBrokers', broker.brokers);
  project.provide('brokerControlUrl', `http://127.0.0.1:${(control.address() as AddressInfo).port}`);
  return async () => {
    await new Promise((resolve) => control.close(resolve));
    await broker.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}

/**
 * The broker creates __consumer_offsets when a group is first used; doing that here keeps the
 * topic's creation from overlapping a worker's start-up (see prepareTopics in tests/support).
 */
async function createOffsetsTopic(brokers: string[]): Promise<void> {
  const admin = (await createBus({ brokers, clientId: 'bikestream-faults-setup', quiet: true })).inspector();
  await admin.connect();
  try {
    await waitFor(
      'the consumer offsets topic',
      async () => {
        await admin.groupOffsets('bikestream-faults-warm-up', []);
        return (await admin.leaderlessPartitions(['__consumer_offsets'])).length === 0;
      },
      60_000,
      300,
    );
  } finally {
    await admin.disconnect();
  }
}
