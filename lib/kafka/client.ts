import { env } from '../runtime/env';
import type { Bus, BusOptions, KafkaClientName } from './bus';
import { kafkaSecurity, type KafkaSecurity } from './security';

let configured: KafkaSecurity | undefined;

/** Read once per process: the CA file is not read again for every client. */
function configuredSecurity(): KafkaSecurity {
  configured ??= kafkaSecurity(env());
  return configured;
}

/**
 * The bus of the client library KAFKA_CLIENT names (or `client`), loaded only when chosen. TLS and
 * SASL come from the environment (KAFKA_SSL, KAFKA_SASL_*) unless `options.security` says otherwise.
 */
export async function createBus(options: BusOptions, client: KafkaClientName = env().KAFKA_CLIENT): Promise<Bus> {
  const security = options.security ?? configuredSecurity();
  if (client === 'platformatic') {
    const { createPlatformaticBus } = await import('./platformatic/index');
    return createPlatformaticBus(options, security);
  }
  const { createKafkajsBus } = await import('./kafkajs/index');
  return createKafkajsBus(options, security);
}

export function stationKey(systemId: string, stationId: string): string {
  return `${systemId}/${stationId}`;
}
