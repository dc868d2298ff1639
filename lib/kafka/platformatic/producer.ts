import { Producer, type MessageToProduce } from '@platformatic/kafka';
import type { BaseOptions } from '@platformatic/kafka';
import type { BusProducer, OutgoingMessage } from '../bus';
import { asBusCall } from '../bus-error';
import { keyHash } from '../partition';

const toBuffer = (value: string | Buffer | null) => (value === null ? undefined : typeof value === 'string' ? Buffer.from(value) : value);

/**
 * Idempotent, acks -1, keys placed by lib/kafka/partition.ts (Java's and KafkaJS's placement; the
 * library's own default differs for negative hashes, which would move stations between partitions).
 */
export function createPlatformaticProducer(base: BaseOptions): BusProducer {
  let keyless = 0;
  const producer = new Producer({
    ...base,
    idempotent: true,
    acks: -1,
    autocreateTopics: false,
    // The library takes the result modulo the topic's partition count; keyless messages take turns.
    partitioner: (_message, key) => (key ? keyHash(key) : keyless++),
  });
  const toRecord = (topic: string, message: OutgoingMessage): MessageToProduce<Buffer, Buffer, Buffer, Buffer> => ({
    topic,
    key: toBuffer(message.key),
    value: toBuffer(message.value),
    ...(message.partition === undefined ? {} : { partition: message.partition }),
  });
  return {
    // The library connects on first use: a metadata request makes a broker that is down fail here, as KafkaJS's connect does.
    connect: () => asBusCall(async () => void (await producer.metadata({ topics: [] }))),
    disconnect: () => producer.close(),
    async send({ topic, messages }) {
      await asBusCall(() => producer.send({ messages: messages.map((message) => toRecord(topic, message)) }));
    },
  };
}
