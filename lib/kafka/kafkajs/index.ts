import type { Bus, BusOptions, BusSecurity } from '../bus';
import { createKafkajsAdmin } from './admin';
import { createKafkajsConsumer } from './consumer';
import { createKafkajs } from './kafka';
import { createKafkajsProducer } from './producer';

export function createKafkajsBus(options: BusOptions, security: BusSecurity): Bus {
  const kafka = createKafkajs(options, security);
  return {
    producer: () => createKafkajsProducer(kafka),
    consumer: (consumerOptions) => createKafkajsConsumer(kafka, consumerOptions),
    admin: () => createKafkajsAdmin(kafka),
    inspector: () => createKafkajsAdmin(kafka),
  };
}
