import { env } from '../runtime/env';
import type { Bus, BusOptions } from './bus';
import { kafkaSecurity, type KafkaSecurity } from './security';

let configured: KafkaSecurity | undefined;

/** Read once per process: the CA file is not read again for every client. */
function configuredSecurity(): KafkaSecurity {
  configured ??= kafkaSecurity(env());
  return configured;
}

/**
 * The bus, KafkaJS behind it (lib/kafka/kafkajs/). TLS and SASL come from the environment
 * (KAFKA_SSL, KAFKA_SASL_*) unless `options.security` says otherwise.
 */
export async function createBus(options: BusOptions): Promise<Bus> {
  const security = options.security ?? configuredSecurity();
  const { createKafkajsBus } = await import('./kafkajs/index');
  return createKafkajsBus(options, security);
}

export function stationKey(systemId: string, stationId: string): string {
  return `${systemId}/${stationId}`;
}
