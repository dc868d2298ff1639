import { Kafka, logLevel, Partitioners, type KafkaConfig, type LogEntry } from 'kafkajs';
import { createLogger } from '../log';

/**
 * The one place that constructs KafkaJS (unmaintained since 2.2.4; see README). Everything else
 * takes the instance this returns, so swapping the client library touches lib/kafka only.
 */
export function createKafka(brokers: string[], clientId: string, overrides: Partial<KafkaConfig> = {}): Kafka {
  const log = createLogger('kafkajs');
  return new Kafka({
    clientId,
    brokers,
    connectionTimeout: 5_000,
    requestTimeout: 30_000,
    retry: { initialRetryTime: 300, maxRetryTime: 30_000, retries: 10 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log: entry }: LogEntry) => {
        const { message, ...fields } = entry;
        const write = level <= logLevel.ERROR ? log.error : log.warn;
        write(message, { broker: fields.broker, error: fields.error });
      },
    ...overrides,
  });
}

export const defaultPartitioner = Partitioners.DefaultPartitioner;

export function stationKey(systemId: string, stationId: string): string {
  return `${systemId}/${stationId}`;
}
