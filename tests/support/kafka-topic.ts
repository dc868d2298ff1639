import { randomBytes } from 'node:crypto';
import { createBus } from '../../lib/kafka/client';
import { topicConfigs, topicNames } from '../../lib/kafka/topics';
import { waitFor } from './processes';

export interface TopicMessage {
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
}

/** Everything a topic holds right now, read from the beginning by a throwaway consumer group. */
export async function readTopic(brokers: string[], topic: string, timeoutMs = 60_000): Promise<TopicMessage[]> {
  const bus = await createBus({ brokers, clientId: 'bikestream-test-reader', quiet: true });
  const admin = bus.inspector();
  await admin.connect();
  const ends = await admin.topicOffsets(topic).finally(() => admin.disconnect());
  const wanted = new Map(ends.filter((end) => Number(end.high) > Number(end.low)).map((end) => [end.partition, Number(end.high) - 1]));
  if (wanted.size === 0) return [];

  const messages: TopicMessage[] = [];
  const reached = new Set<number>();
  const consumer = bus.consumer({ groupId: `bikestream-test-reader-${randomBytes(4).toString('hex')}` });
  await consumer.connect();
  try {
    await consumer.subscribe([topic], { fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch: { partition, messages: batch }, resolveOffset }) => {
        for (const message of batch) {
          messages.push({ partition, offset: message.offset, key: message.key?.toString('utf8') ?? null, value: message.value });
          if (Number(message.offset) >= (wanted.get(partition) ?? Infinity)) reached.add(partition);
          resolveOffset(message.offset);
        }
      },
    });
    await waitFor(`all of ${topic}`, async () => reached.size === wanted.size, timeoutMs, 100);
  } finally {
    await consumer.disconnect();
  }
  return messages;
}

/**
 * Creates a pipeline's topics with the project's own settings (lib/kafka/topics.ts) and waits until
 * the broker reports a leader for every partition. Workers then find them in place at start-up,
 * which keeps the topic-creation race described in RELIABILITY.md out of scenarios about other faults.
 */
export async function prepareTopics(brokers: string[], prefix: string, statusPartitions: number): Promise<void> {
  const defaults = topicNames('');
  const wanted = topicNames(prefix);
  const kindOf = new Map(Object.entries(defaults).map(([kind, name]) => [name, kind as keyof typeof defaults]));
  const topics = topicConfigs(statusPartitions, 1).map((config) => {
    const kind = kindOf.get(config.topic.slice(config.topic.indexOf('gbfs.')));
    if (!kind) throw new Error(`unknown topic ${config.topic}`);
    return { ...config, topic: wanted[kind] };
  });
  const bus = await createBus({ brokers, clientId: 'bikestream-test-topics', quiet: true });
  const admin = bus.admin();
  await admin.connect();
  try {
    // Another client creating topics at the same moment can make the broker's metadata answer fail
    // for a while (see RELIABILITY.md); retry rather than let that end a scenario about something else.
    await waitFor(
      'topic creation',
      async () => {
        await admin.createTopics(topics, { waitForLeaders: false });
        return true;
      },
      60_000,
      300,
    );
    await waitFor(
      'topic leaders',
      async () => (await admin.leaderlessPartitions(topics.map((topic) => topic.topic))).length === 0,
      60_000,
      200,
    );
  } finally {
    await admin.disconnect();
  }
}
