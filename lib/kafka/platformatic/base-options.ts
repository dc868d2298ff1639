import type { BaseOptions } from '@platformatic/kafka';
import type { BusOptions, BusSecurity } from '../bus';

const MECHANISMS = { plain: 'PLAIN', 'scram-sha-256': 'SCRAM-SHA-256', 'scram-sha-512': 'SCRAM-SHA-512' } as const;

/** Workers ride out a broker restart (as with KafkaJS: 300 ms doubling to 30 s); probes answer quickly. */
function retryDelayMs(_client: object, _operation: string, attempt: number): number {
  return Math.min(300 * 2 ** Math.max(0, attempt - 1), 30_000);
}

/** The client options every producer, consumer and admin of one bus shares. */
export function baseOptions(options: BusOptions, security: BusSecurity): BaseOptions {
  const { ssl, sasl } = security;
  return {
    clientId: options.clientId,
    bootstrapBrokers: options.brokers,
    connectTimeout: options.connectionTimeoutMs ?? 5_000,
    requestTimeout: options.requestTimeoutMs ?? 30_000,
    timeout: options.requestTimeoutMs ?? 30_000,
    retries: options.retries ?? 10,
    retryDelay: options.retries === undefined ? retryDelayMs : 100,
    ...(ssl ? { tls: ssl === true ? {} : { ca: ssl.ca } } : {}),
    ...(sasl ? { sasl: { mechanism: MECHANISMS[sasl.mechanism], username: sasl.username, password: sasl.password } } : {}),
  };
}
