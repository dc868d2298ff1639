import { randomBytes } from 'node:crypto';
import { createBus } from '../../lib/kafka/client';
import { topicNames } from '../../lib/kafka/topics';
import { startWorker, waitFor, type RunningProcess } from './processes';

export interface PipelineEnv {
  [key: string]: string;
  KAFKA_BROKERS: string;
  KAFKA_TOPIC_PREFIX: string;
  KAFKA_CONSUMER_GROUP: string;
  DATABASE_URL: string;
}

/** Environment for one test's own pipeline: its own topics, consumer group and database. */
export function pipelineEnv(brokers: string[], databaseUrl: string, extra: Record<string, string> = {}): PipelineEnv {
  const id = randomBytes(4).toString('hex');
  return {
    KAFKA_BROKERS: brokers.join(','),
    KAFKA_TOPIC_PREFIX: `test-${id}.`,
    KAFKA_CONSUMER_GROUP: `bikestream-test-${id}`,
    KAFKA_STATUS_PARTITIONS: '3',
    DATABASE_URL: databaseUrl,
    POLL_MIN_MS: '50',
    // The workers' Kafka client alone (the harness observes with the default), e.g. the fault suite
    // run against @platformatic/kafka: WORKERS_KAFKA_CLIENT=platformatic on Node >= 22.
    ...(process.env.WORKERS_KAFKA_CLIENT ? { KAFKA_CLIENT: process.env.WORKERS_KAFKA_CLIENT } : {}),
    ...extra,
  };
}

export function startPipeline(env: PipelineEnv): { producer: RunningProcess; consumer: RunningProcess } {
  return { producer: startWorker('producer', env), consumer: startWorker('consumer', env) };
}

/** Waits until the consumer group has committed every message that is in its topics. */
export async function waitForConsumerCaughtUp(env: PipelineEnv, timeoutMs = 60_000): Promise<void> {
  const bus = await createBus({ brokers: env.KAFKA_BROKERS.split(','), clientId: 'bikestream-test-lag', quiet: true });
  const admin = bus.inspector();
  await admin.connect();
  const names = topicNames(env.KAFKA_TOPIC_PREFIX);
  const topics = [names.system, names.stationInformation, names.stationStatus];
  let behind: string[] = [];
  try {
    await waitFor(
      'the consumer to catch up',
      async () => {
        const committed = await admin.groupOffsets(env.KAFKA_CONSUMER_GROUP, topics);
        behind = [];
        for (const topic of topics) {
          const ends = await admin.topicOffsets(topic);
          for (const end of ends) {
            const at = committed.find((entry) => entry.topic === topic && entry.partition === end.partition)?.offset ?? '-1';
            const position = Number(at) < 0 ? 0 : Number(at);
            if (position < Number(end.high)) behind.push(`${topic}[${end.partition}] committed ${at} of ${end.high}`);
          }
        }
        return behind.length === 0;
      },
      timeoutMs,
      300,
    );
  } catch (error) {
    throw new Error(`${String(error)}; behind: ${behind.join(', ')}`);
  } finally {
    await admin.disconnect();
  }
}
