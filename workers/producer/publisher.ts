import type { FeedProblem } from '../../lib/feed-health/problem-schema';
import type { StationInfo, StationStatus, SystemInfo } from '../../lib/gbfs/types';
import { stationKey } from '../../lib/kafka/client';
import { encode } from '../../lib/kafka/messages';
import type { MessageSender } from '../../lib/kafka/bus';
import { sendInChunks } from '../../lib/kafka/send-in-chunks';
import { topicNames } from '../../lib/kafka/topics';

/**
 * Turns our types into Kafka messages; every send waits for all in-sync replicas (acks -1). Station
 * lists go in requests the broker accepts however many stations a feed lists (lib/kafka/send-in-chunks.ts).
 */
export function createPublisher(producer: MessageSender) {
  const TOPICS = topicNames();
  return {
    async system(info: SystemInfo, extra: { feedUrl: string; ttlSeconds: number; simulated: boolean; statusUpdatedAt: number | null; polledAt: number; gbfsVersion?: string | null; feedProblems?: FeedProblem[] }) {
      await producer.send({
        topic: TOPICS.system,
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
      await sendInChunks(
        producer,
        TOPICS.stationInformation,
        stations.map((station) => ({ key: stationKey(station.systemId, station.stationId), value: encode({ ...station, seenAt: new Date(seenAt) }) })),
      );
    },

    async stationStatus(statuses: StationStatus[]) {
      if (statuses.length === 0) return;
      await sendInChunks(
        producer,
        TOPICS.stationStatus,
        statuses.map((status) => ({ key: stationKey(status.systemId, status.stationId), value: encode({ ...status, reportedAt: new Date(status.reportedAt) }) })),
      );
    },
  };
}

export type Publisher = ReturnType<typeof createPublisher>;
