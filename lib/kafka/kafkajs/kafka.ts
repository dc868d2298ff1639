import { Kafka, logLevel, type LogEntry, type SASLOptions } from 'kafkajs';
import { createLogger } from '../../runtime/log';
import type { BusOptions, BusSecurity } from '../bus';

function saslOf(sasl: BusSecurity['sasl']): SASLOptions | undefined {
  // KafkaJS types each mechanism apart; these three take the same username and password.
  return sasl as SASLOptions | undefined;
}

/** Workers ride out a broker restart; probes and tests that cap retries want a quick answer. */
const PATIENT = { initialRetryTime: 300, maxRetryTime: 30_000, retries: 10 };
const PROBING = { initialRetryTime: 100, maxRetryTime: 500 };

/** The one place KafkaJS is constructed (unmaintained since 2.2.4; see README "How it works"). */
export function createKafkajs(options: BusOptions, security: BusSecurity): Kafka {
  const log = createLogger('kafkajs');
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    connectionTimeout: options.connectionTimeoutMs ?? 5_000,
    requestTimeout: options.requestTimeoutMs ?? 30_000,
    retry: options.retries === undefined ? PATIENT : { ...PROBING, retries: options.retries },
    ssl: security.ssl,
    sasl: saslOf(security.sasl),
    logLevel: options.quiet ? logLevel.NOTHING : logLevel.WARN,
    logCreator:
      () =>
      ({ level, log: entry }: LogEntry) => {
        const { message, ...fields } = entry;
        const write = level <= logLevel.ERROR ? log.error : log.warn;
        write(message, { broker: fields.broker, error: fields.error });
      },
  });
}
