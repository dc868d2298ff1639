import { Partitioners, type Kafka } from 'kafkajs';
import type { BusProducer } from '../bus';
import { asBusCall } from '../bus-error';

/**
 * Idempotent (so it allows one request in flight), every send waiting for all in-sync replicas.
 * KafkaJS's default partitioner is Java's murmur2 placement (lib/kafka/partition.ts).
 */
export function createKafkajsProducer(kafka: Kafka): BusProducer {
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  return {
    connect: () => asBusCall(() => producer.connect()),
    disconnect: () => producer.disconnect(),
    async send({ topic, messages }) {
      await asBusCall(() => producer.send({ topic, acks: -1, messages }));
    },
  };
}
