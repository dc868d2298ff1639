import { Consumer, type BaseOptions, type Message, type MessagesStream } from '@platformatic/kafka';
import type { BatchContext, BusConsumer, ConsumerOptions, PartitionBatch, RunOptions } from '../bus';
import { createSeeks } from './seeks';
import { createRoundReader } from './round-reader';

type Stream = MessagesStream<Buffer, Buffer, Buffer, Buffer>;

/** Messages buffered ahead of the handler; one round of batches takes at most this many. */
const BUFFERED_MESSAGES = 4_096;

async function inParallel<T>(items: T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/**
 * The library hands out one message stream and heartbeats on its own timer. This groups what the
 * stream has buffered into per-partition batches (KafkaJS's eachBatch), handles a round of them
 * (some partitions at once) before reading on, and keeps offsets uncommitted until asked.
 */
export function createPlatformaticConsumer(base: BaseOptions, options: ConsumerOptions): BusConsumer {
  const consumer = new Consumer<Buffer, Buffer, Buffer, Buffer>({
    ...base,
    ...(options.retries === undefined ? {} : { retries: options.retries }),
    groupId: options.groupId,
    autocommit: false,
    sessionTimeout: options.sessionTimeoutMs ?? 30_000,
    heartbeatInterval: options.heartbeatIntervalMs ?? 3_000,
    rebalanceTimeout: 60_000,
    maxBytesPerPartition: options.maxBytesPerPartition ?? 1_048_576,
    highWaterMark: BUFFERED_MESSAGES,
  });
  const crashListeners: ((error: unknown) => void)[] = [];
  let subscription: { topics: string[]; fromBeginning: boolean } | undefined;
  let stream: Stream | undefined;
  let stopping = false;
  let reading: Promise<void> | undefined;
  const seeks = createSeeks((key, offset) => stream?.offsetsToFetch.set(key, offset));

  const crash = (error: unknown) => {
    if (stopping) return;
    for (const listener of crashListeners) listener(error);
  };
  const assigned = (topic: string, partition: number) => consumer.assignments?.some((entry) => entry.topic === topic && entry.partitions.includes(partition)) ?? false;

  function contextFor(batch: PartitionBatch): BatchContext {
    const generation = consumer.generationId;
    const seekCount = seeks.count(batch.topic, batch.partition);
    const moved = () => consumer.generationId !== generation && !assigned(batch.topic, batch.partition);
    return {
      batch,
      async heartbeat() {
        // The library heartbeats by itself; what a caller learns here is whether the group moved on.
        if (consumer.generationId !== generation) throw new Error(`the group rebalanced (generation ${generation} → ${consumer.generationId})`);
      },
      isRunning: () => !stopping && !!stream && !stream.destroyed,
      isStale: () => seeks.count(batch.topic, batch.partition) !== seekCount || moved(),
      resolveOffset: () => undefined,
    };
  }

  async function readBatches(current: Stream, run: RunOptions): Promise<void> {
    const nextRound = createRoundReader<Message<Buffer, Buffer, Buffer, Buffer>>(current, BUFFERED_MESSAGES);
    for (;;) {
      const round = await nextRound();
      if (round === null) return;
      const batches = new Map<string, PartitionBatch>();
      for (const message of round) {
        if (!seeks.accepts(message.topic, message.partition, message.offset)) continue;
        const key = `${message.topic}:${message.partition}`;
        let batch = batches.get(key);
        if (!batch) batches.set(key, (batch = { topic: message.topic, partition: message.partition, messages: [] }));
        batch.messages.push(received(message));
      }
      await inParallel([...batches.values()], run.partitionsConsumedConcurrently ?? 1, (batch) => run.eachBatch(contextFor(batch)));
    }
  }

  return {
    connect: async () => void (await consumer.metadata({ topics: [] })),
    async subscribe(topics, { fromBeginning }) {
      subscription = { topics, fromBeginning };
    },
    async run(run) {
      if (!subscription) throw new Error('subscribe before run');
      const current = await consumer.consume({ topics: subscription.topics, mode: 'committed', fallbackMode: subscription.fromBeginning ? 'earliest' : 'latest', autocommit: false });
      stream = current;
      current.on('error', crash);
      reading = readBatches(current, run).catch(crash);
    },
    async commitOffsets(offsets) {
      await consumer.commit({ offsets: offsets.map(({ topic, partition, offset }) => ({ topic, partition, offset: BigInt(offset), leaderEpoch: -1 })) });
    },
    seek: ({ topic, partition, offset }) => seeks.seek(topic, partition, BigInt(offset)),
    onCrash: (listener) => void crashListeners.push(listener),
    async disconnect() {
      stopping = true;
      await stream?.close().catch(() => undefined);
      await reading;
      await consumer.close();
    },
  };
}

function received(message: Message<Buffer, Buffer, Buffer, Buffer>) {
  return { offset: String(message.offset), key: message.key ?? null, value: message.value ?? null };
}
