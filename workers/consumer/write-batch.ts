import type { Database } from '../../lib/db/client';
import type { StationInformationMessage, StationStatusMessage, SystemMessage } from '../../lib/kafka/messages';
import { upsertStationInformation, upsertSystems } from '../../lib/queries/ingest';
import { storeStationStatuses } from '../../lib/queries/ingest-status';

export type TopicRows =
  | { kind: 'system'; rows: SystemMessage[] }
  | { kind: 'stationInformation'; rows: StationInformationMessage[] }
  | { kind: 'stationStatus'; rows: StationStatusMessage[] };

/**
 * One transaction per Kafka batch; returns how many history rows were new. The decoded messages are
 * the store's records (lib/queries/store-records.ts) field for field, so the mapping is the type
 * check at each call below: a change to either side fails to compile, and no row is copied.
 */
export async function writeBatch(db: Database, batch: TopicRows): Promise<number> {
  return db.transaction(async (tx) => {
    switch (batch.kind) {
      case 'system':
        await upsertSystems(tx, batch.rows);
        return 0;
      case 'stationInformation':
        await upsertStationInformation(tx, batch.rows);
        return 0;
      case 'stationStatus':
        return (await storeStationStatuses(tx, batch.rows)).inserted;
    }
  });
}
