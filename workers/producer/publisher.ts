import type { Producer } from 'kafkajs';
import type { FeedProblem } from '../../lib/feed-health/problem-schema';
import type { StationInfo, StationStatus, SystemInfo } from '../../lib/gbfs/types';
import { stationKey } from '../../lib/kafka/client';
import { encode } from '../../lib/kafka/messages';
import { topicNames } from '../../lib/kafka/topics';

/** Turns our types into Kafka messages; every send waits for all in-sync replicas (acks -1). */
export function createPublisher(producer: Producer) {
  const TOPICS = topicNames();
  return {
    async system(info: SystemInfo, extra: { feedUrl: string; ttlSeconds: number; simulated: boolean; statusUpdatedAt: number | null; polledAt: number; gbfsVersion?: string | null; feedProblems?: FeedProblem[] }) {
      await producer.send({
        topic: TOPICS.system,
        acks: -1,
        messages: [
          {
            key: info.systemId,
            value: encode({
              ...info,
              feedUrl: extra.feedUrl,
              ttlSeconds: extra.ttlSeconds,
              simulated: extra.simulated,
              statusUpdatedAt: extra.statusUpdatedAt === null ? null : new Date(extra.statusUpdatedAt),
              polledAt: new Date(extra.polledAt),
              gbfsVersion: extra.gbfsVersion,
              feedProblems: extra.feedProblems,
            }),
          },
        ],
      });
    },

    async stationInformation(stations: StationInfo[], seenAt: number) {
      if (stations.length === 0) return;
      await producer.send({
        topic: TOPICS.stationInformation,
        acks: -1,
        messages: stations.map((station) => ({
          key: stationKey(station.systemId, station.stationId),
          value: encode({ ...station, seenAt: new Date(seenAt) }),
        })),
      });
    },

    async stationStatus(statuses: StationStatus[]) {
      if (statuses.length === 0) return;
      await producer.send({
        topic: TOPICS.stationStatus,
        acks: -1,
        messages: statuses.map((status) => ({
          key: stationKey(status.systemId, status.stationId),
          value: encode({ ...status, reportedAt: new Date(status.reportedAt) }),
        })),
      });
    },
  };
}

export type Publisher = ReturnType<typeof createPublisher>;
