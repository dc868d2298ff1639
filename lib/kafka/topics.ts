import { backoffDelayMs } from '../runtime/backoff';
import { env } from '../runtime/env';
import type { BusAdmin, TopicSpec } from './bus';

const BASE_NAMES = {
  system: 'gbfs.system.v1',
  stationInformation: 'gbfs.station-information.v1',
  stationStatus: 'gbfs.station-status.v1',
  deadLetter: 'gbfs.dead-letter.v1',
} as const;

export type TopicKind = keyof typeof BASE_NAMES;
export type TopicNames = Record<TopicKind, string>;

export function topicNames(prefix = env().KAFKA_TOPIC_PREFIX): TopicNames {
  return {
    system: prefix + BASE_NAMES.system,
    stationInformation: prefix + BASE_NAMES.stationInformation,
    stationStatus: prefix + BASE_NAMES.stationStatus,
    deadLetter: prefix + BASE_NAMES.deadLetter,
  };
}

const compacted = [{ name: 'cleanup.policy', value: 'compact' }];
const keepForever = [{ name: 'retention.ms', value: '-1' }];
const twoWeeks = [{ name: 'retention.ms', value: String(14 * 24 * 3600 * 1000) }];

export function topicConfigs(statusPartitions: number, replicationFactor = env().KAFKA_TOPIC_REPLICATION): TopicSpec[] {
  const TOPICS = topicNames();
  return [
    { topic: TOPICS.system, numPartitions: 1, replicationFactor, configEntries: compacted },
    { topic: TOPICS.stationInformation, numPartitions: statusPartitions, replicationFactor, configEntries: compacted },
    // Status history is the replay source for a new database, so the log keeps it.
    { topic: TOPICS.stationStatus, numPartitions: statusPartitions, replicationFactor, configEntries: keepForever },
    { topic: TOPICS.deadLetter, numPartitions: 1, replicationFactor, configEntries: twoWeeks },
  ];
}

/**
 * Creates missing topics; existing ones are left as they are, so every worker may call it at start.
 * It returns once every partition has a leader, with the topics it created. While new topics (ours
 * or another client's) still lack leaders the client's metadata calls fail, so this retries a few times
 * before giving up; a partition that stays leaderless (its only broker down) fails the worker's
 * start, as it could neither produce to nor consume from it.
 */
export async function ensureTopics(admin: BusAdmin, statusPartitions: number, attempts = 8): Promise<string[]> {
  const created = new Set<string>();
  for (let attempt = 1; ; attempt += 1) {
    try {
      await createMissingTopics(admin, statusPartitions, created);
      return [...created];
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, backoffDelayMs(attempt, 500, 5_000)));
    }
  }
}

async function createMissingTopics(admin: BusAdmin, statusPartitions: number, created: Set<string>): Promise<void> {
  const configs = topicConfigs(statusPartitions);
  const existing = new Set(await admin.listTopics());
  const missing = configs.filter((config) => !existing.has(config.topic));
  if (missing.length > 0) {
    // False: another worker created them first, perhaps a moment ago; their leaders are checked below.
    if (await admin.createTopics(missing, { waitForLeaders: true })) for (const config of missing) created.add(config.topic);
  }
  await assertLeaders(admin, configs.map((config) => config.topic));
}

/**
 * A topic another worker has just created can exist on the controller before the broker serves it;
 * a consumer subscribing then fails with "This server does not host this topic-partition".
 * Metadata requests throw while any partition has an error, so this passes only once all are served.
 */
async function assertLeaders(admin: BusAdmin, names: string[]): Promise<void> {
  const leaderless = await admin.leaderlessPartitions(names);
  if (leaderless.length > 0) throw new Error(`no leader yet for ${leaderless.join(', ')}`);
}
