import { Kafka, logLevel, Partitioners, type KafkaConfig, type LogEntry } from 'kafkajs';
import { env } from '../runtime/env';
import { createLogger } from '../runtime/log';
import { kafkaSecurity, type KafkaSecurity } from './security';

let configured: KafkaSecurity | undefined;

/** Read once per process: the CA file is not read again for every client. */
function configuredSecurity(): KafkaSecurity {
  configured ??= kafkaSecurity(env());
  return configured;
}

/**
 * The one place that constructs KafkaJS (unmaintained since 2.2.4; see README). Everything else
 * takes the instance this returns, so swapping the client library touches lib/kafka only. TLS and
 * SASL come from the environment (KAFKA_SSL, KAFKA_SASL_*) unless `overrides` say otherwise.
 */
export function createKafka(brokers: string[], clientId: string, overrides: Partial<KafkaConfig> = {}): Kafka {
  const log = createLogger('kafkajs');
  return new Kafka({
    clientId,
    brokers,
    connectionTimeout: 5_000,
    requestTimeout: 30_000,
    retry: { initialRetryTime: 300, maxRetryTime: 30_000, retries: 10 },
    ...configuredSecurity(),
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
