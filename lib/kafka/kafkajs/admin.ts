import type { Kafka } from 'kafkajs';
import type { BusInspector } from '../bus';

/** KafkaJS's ConfigResourceTypes.TOPIC; under Node's ESM loader only some of KafkaJS's exports are named. */
const TOPIC_RESOURCE = 2;

/** One topic that exists is a TOPIC_ALREADY_EXISTS error; several are a KafkaJSAggregateError of them. */
function alreadyExists(error: unknown): boolean {
  const { type, errors } = error as { type?: string; errors?: { type?: string }[] };
  return type === 'TOPIC_ALREADY_EXISTS' || (Array.isArray(errors) && errors.length > 0 && errors.every((inner) => inner.type === 'TOPIC_ALREADY_EXISTS'));
}

export function createKafkajsAdmin(kafka: Kafka): BusInspector {
  const admin = kafka.admin();
  return {
    connect: () => admin.connect(),
    disconnect: () => admin.disconnect(),
    listTopics: () => admin.listTopics(),
    async createTopics(topics, { waitForLeaders }) {
      try {
        return await admin.createTopics({ topics, waitForLeaders });
      } catch (error) {
        if (alreadyExists(error)) return false;
        throw error;
      }
    },
    async leaderlessPartitions(names) {
      const { topics } = await admin.fetchTopicMetadata({ topics: names });
      const served = new Set(topics.filter((topic) => topic.partitions.length > 0).map((topic) => topic.name));
      const unserved = names.filter((name) => !served.has(name)).map((name) => `${name}[*]`);
      return [...unserved, ...topics.flatMap((topic) => topic.partitions.filter((partition) => partition.leader < 0).map((partition) => `${topic.name}[${partition.partitionId}]`))];
    },
    async brokerCount() {
      return (await admin.describeCluster()).brokers.length;
    },
    topicOffsets: async (topic) => (await admin.fetchTopicOffsets(topic)).map(({ partition, low, high }) => ({ partition, low, high })),
    async groupOffsets(groupId, topics) {
      const found = await admin.fetchOffsets({ groupId, topics });
      return found.flatMap(({ topic, partitions }) => partitions.map(({ partition, offset }) => ({ topic, partition, offset })));
    },
    async describeGroup(groupId) {
      const { groups } = await admin.describeGroups([groupId]);
      return { state: groups[0]?.state ?? 'Dead', members: groups[0]?.members.map((member) => member.memberId) ?? [] };
    },
    async deleteTopics(topics) {
      await admin.deleteTopics({ topics });
    },
    async setTopicConfig(topic, name, value) {
      await admin.alterConfigs({ validateOnly: false, resources: [{ type: TOPIC_RESOURCE, name: topic, configEntries: [{ name, value }] }] });
    },
  };
}
