import type { Kafka } from 'kafkajs';
import type { BusConsumer, ConsumerOptions } from '../bus';

/** Offsets are committed only by `commitOffsets`; `resolveOffset` lets KafkaJS fetch on meanwhile. */
export function createKafkajsConsumer(kafka: Kafka, options: ConsumerOptions): BusConsumer {
  const consumer = kafka.consumer({
    groupId: options.groupId,
    sessionTimeout: options.sessionTimeoutMs,
    heartbeatInterval: options.heartbeatIntervalMs,
    maxBytesPerPartition: options.maxBytesPerPartition,
    retry: options.retries === undefined ? undefined : { initialRetryTime: 300, maxRetryTime: 30_000, retries: options.retries },
  });
  return {
    connect: () => consumer.connect(),
    disconnect: () => consumer.disconnect(),
    subscribe: (topics, { fromBeginning }) => consumer.subscribe({ topics, fromBeginning }),
    run: ({ partitionsConsumedConcurrently, eachBatch }) =>
      consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently,
        eachBatch: ({ batch, heartbeat, isRunning, isStale, resolveOffset }) =>
          eachBatch({ batch: { topic: batch.topic, partition: batch.partition, messages: batch.messages }, heartbeat, isRunning, isStale, resolveOffset }),
      }),
    commitOffsets: (offsets) => consumer.commitOffsets(offsets),
    seek: (position) => consumer.seek(position),
    onCrash(listener) {
      // KafkaJS restarts itself after a retriable crash; only the others end the worker.
      consumer.on(consumer.events.CRASH, (event) => {
        if (!event.payload.restart) listener(event.payload.error);
      });
    },
  };
}
