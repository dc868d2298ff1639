import { Admin, findErrorBy, type BaseOptions } from '@platformatic/kafka';
import type { BusInspector, TopicPartitionOffset, TopicSpec } from '../bus';

const LATEST = -1n;
const EARLIEST = -2n;
const TOPIC_RESOURCE = 2;
const SET = 0;
const LEADERS_WAIT_MS = 30_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createPlatformaticAdmin(base: BaseOptions): BusInspector {
  const admin = new Admin(base);

  async function partitionCounts(topics: string[]): Promise<Map<string, number>> {
    if (topics.length === 0) return new Map();
    const metadata = await admin.metadata({ topics, forceUpdate: true });
    return new Map(topics.map((topic) => [topic, metadata.topics.get(topic)?.partitionsCount ?? 0]));
  }

  async function leaderlessPartitions(names: string[]): Promise<string[]> {
    const metadata = await admin.metadata({ topics: names, forceUpdate: true });
    return names.flatMap((name) => {
      const topic = metadata.topics.get(name);
      if (!topic || topic.partitionsCount === 0) return [`${name}[*]`];
      return topic.partitions.flatMap((partition, index) => (partition.leader < 0 ? [`${name}[${index}]`] : []));
    });
  }

  /** One request per topic: the library sends one set of configs for all topics of a request. */
  async function createOne(spec: TopicSpec): Promise<boolean> {
    try {
      await admin.createTopics({ topics: [spec.topic], partitions: spec.numPartitions, replicas: spec.replicationFactor ?? 1, configs: spec.configEntries ?? [] });
      return true;
    } catch (error) {
      if (error instanceof Error && findErrorBy(error, 'apiId', 'TOPIC_ALREADY_EXISTS')) return false;
      throw error;
    }
  }

  async function offsetsAt(topic: string, partitions: number, timestamp: bigint): Promise<bigint[]> {
    const [listed] = await admin.listOffsets({ topics: [{ name: topic, partitions: Array.from({ length: partitions }, (_, partitionIndex) => ({ partitionIndex, timestamp })) }] });
    const offsets = new Array<bigint>(partitions).fill(0n);
    for (const partition of listed?.partitions ?? []) offsets[partition.partitionIndex] = partition.offset;
    return offsets;
  }

  return {
    // The library connects on first use; a metadata request makes an unreachable broker fail here.
    connect: async () => void (await admin.metadata({ topics: [] })),
    disconnect: () => admin.close(),
    listTopics: () => admin.listTopics(),
    async createTopics(topics, { waitForLeaders }) {
      const created = await Promise.all(topics.map(createOne));
      if (waitForLeaders) {
        const deadline = Date.now() + LEADERS_WAIT_MS;
        for (;;) {
          const leaderless = await leaderlessPartitions(topics.map((topic) => topic.topic)).catch((error: unknown) => [String(error)]);
          if (leaderless.length === 0 || Date.now() > deadline) break;
          await sleep(200);
        }
      }
      return created.some(Boolean);
    },
    leaderlessPartitions,
    brokerCount: async () => (await admin.metadata({ topics: [] })).brokers.size,
    async topicOffsets(topic) {
      const partitions = (await partitionCounts([topic])).get(topic) ?? 0;
      const [low, high] = await Promise.all([offsetsAt(topic, partitions, EARLIEST), offsetsAt(topic, partitions, LATEST)]);
      return high.map((end, partition) => ({ partition, low: String(low[partition] ?? 0n), high: String(end) }));
    },
    async groupOffsets(groupId, topics) {
      const counts = await partitionCounts(topics);
      const [group] = await admin.listConsumerGroupOffsets({ groups: [{ groupId, topics: topics.map((name) => ({ name, partitionIndexes: Array.from({ length: counts.get(name) ?? 0 }, (_, index) => index) })) }] });
      const committed = new Map((group?.topics ?? []).flatMap((topic) => topic.partitions.map((partition) => [`${topic.name}/${partition.partitionIndex}`, partition.committedOffset] as const)));
      return topics.flatMap((topic) =>
        Array.from({ length: counts.get(topic) ?? 0 }, (_, partition): TopicPartitionOffset => ({ topic, partition, offset: String(committed.get(`${topic}/${partition}`) ?? -1n) })),
      );
    },
    async describeGroup(groupId) {
      const group = (await admin.describeGroups({ groups: [groupId] })).get(groupId);
      return { state: group?.state ?? 'Dead', members: [...(group?.members.keys() ?? [])] };
    },
    deleteTopics: (topics) => admin.deleteTopics({ topics }),
    async setTopicConfig(topic, name, value) {
      await admin.incrementalAlterConfigs({ resources: [{ resourceType: TOPIC_RESOURCE, resourceName: topic, configs: [{ name, configOperation: SET, value }] }] });
    },
  };
}
