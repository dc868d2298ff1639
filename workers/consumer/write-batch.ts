import type { Database } from '../../lib/db/client';
import type { StationInformationMessage, StationStatusMessage, SystemMessage } from '../../lib/kafka/messages';
import { upsertStationInformation, upsertSystems } from '../../lib/queries/ingest';
import { storeStationStatuses } from '../../lib/queries/ingest-status';
import { notifyStored } from '../../lib/queries/store-notify';
import { statusNotices } from '../../lib/stream/store-notice';

export type TopicRows =
  | { kind: 'system'; rows: SystemMessage[] }
  | { kind: 'stationInformation'; rows: StationInformationMessage[] }
  | { kind: 'stationStatus'; rows: StationStatusMessage[] };

/**
 * One transaction per Kafka batch; returns how many history rows were new. What it stored is
 * announced on the store channel from inside the transaction (lib/stream/store-notice.ts). The
 * decoded messages are the store's records (lib/queries/store-records.ts) field for field, so the
 * mapping is the type check at each call below: a change to either side fails to compile, and no
 * row is copied.
 */
export async function writeBatch(db: Database, batch: TopicRows): Promise<number> {
  return db.transaction(async (tx) => {
    switch (batch.kind) {
      case 'system':
        await upsertSystems(tx, batch.rows);
        await notifyStored(tx, [...new Set(batch.rows.map((row) => row.systemId))].map((system) => ({ kind: 'system', system })));
        return 0;
      case 'stationInformation':
        await upsertStationInformation(tx, batch.rows);
        return 0;
      case 'stationStatus': {
        const { inserted } = await storeStationStatuses(tx, batch.rows);
        // Redelivered batches store nothing new and wake no one.
        if (inserted > 0) await notifyStored(tx, statusNotices(batch.rows));
        return inserted;
      }
    }
  });
}
