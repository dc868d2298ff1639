import type { Database } from '../../lib/db/client';
import type { StationInformationMessage, StationStatusMessage, SystemMessage } from '../../lib/kafka/messages';
import { TOPICS } from '../../lib/kafka/topics';
import {
  insertStationStatuses,
  updateLatestStatuses,
  upsertStationInformation,
  upsertSystems,
} from '../../lib/queries/ingest';
import type { ConsumedTopic } from './decode';

export type TopicRows =
  | { topic: typeof TOPICS.system; rows: SystemMessage[] }
  | { topic: typeof TOPICS.stationInformation; rows: StationInformationMessage[] }
  | { topic: typeof TOPICS.stationStatus; rows: StationStatusMessage[] };

/** One transaction per Kafka batch; returns how many history rows were new. */
export async function writeBatch(db: Database, batch: TopicRows): Promise<number> {
  return db.transaction(async (tx) => {
    switch (batch.topic) {
      case TOPICS.system:
        await upsertSystems(tx, batch.rows);
        return 0;
      case TOPICS.stationInformation:
        await upsertStationInformation(tx, batch.rows);
        return 0;
      case TOPICS.stationStatus: {
        const inserted = await insertStationStatuses(tx, batch.rows);
        await updateLatestStatuses(tx, batch.rows);
        return inserted;
      }
    }
  });
}

export type { ConsumedTopic };
