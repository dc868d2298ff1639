import { ConfigError } from '../../runtime/env';
import type { Bus, BusOptions, BusSecurity } from '../bus';
import { createPlatformaticAdmin } from './admin';
import { baseOptions } from './base-options';
import { createPlatformaticConsumer } from './consumer';
import { createPlatformaticProducer } from './producer';

const MIN_NODE_MAJOR = 22;

/** @platformatic/kafka behind the bus (README "How it works"); it needs Node >= 22 (Promise.withResolvers). */
export function createPlatformaticBus(options: BusOptions, security: BusSecurity): Bus {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < MIN_NODE_MAJOR) throw new ConfigError(`KAFKA_CLIENT=platformatic needs Node ${MIN_NODE_MAJOR} or later; this is Node ${process.versions.node}`);
  const base = baseOptions(options, security);
  return {
    producer: () => createPlatformaticProducer(base),
    consumer: (consumerOptions) => createPlatformaticConsumer(base, consumerOptions),
    admin: () => createPlatformaticAdmin(base),
    inspector: () => createPlatformaticAdmin(base),
  };
}
