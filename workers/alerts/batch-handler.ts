import type { Database } from '../../lib/db/client';
import type { BatchContext, BusConsumer } from '../../lib/kafka/bus';
import { stationStatusMessageSchema } from '../../lib/kafka/messages';
import { toDeliveries } from '../../lib/alerts/deliveries';
import type { TransitionTracker } from '../../lib/alerts/transitions';
import { insertDeliveries } from '../../lib/queries/alert-deliveries';
import type { Logger } from '../../lib/runtime/log';

interface Options {
  db: Database;
  consumer: BusConsumer;
  tracker: TransitionTracker;
  maxAgeMs: number;
  log: Logger;
  /** Wakes the sender when new deliveries are stored. */
  onStored(): void;
}

function parseStatus(value: Buffer | null) {
  if (!value) return null;
  try {
    const parsed = stationStatusMessageSchema.safeParse(JSON.parse(value.toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * One partition's batch: the transitions its reports make are stored, and only then are its offsets
 * committed, so a kill at any point either re-reads the batch (its transitions are already stored
 * under the same keys, and stored again as nothing) or has nothing left to do.
 */
export function createBatchHandler({ db, consumer, tracker, maxAgeMs, log, onStored }: Options) {
  return async ({ batch, isStale }: BatchContext): Promise<void> => {
    const transitions = [];
    let skipped = 0;
    for (const message of batch.messages) {
      const report = parseStatus(message.value);
      if (report) transitions.push(...tracker.observe(report));
      else skipped += 1;
    }
    const stored = await insertDeliveries(db, toDeliveries(transitions, new Date(), maxAgeMs));
    if (skipped > 0) log.warn('status messages not understood, left to the consumer\'s dead letters', { count: skipped, partition: batch.partition });
    if (stored > 0) {
      log.info('transitions stored', { count: stored, partition: batch.partition });
      onStored();
    }
    const last = batch.messages.at(-1);
    if (last && !isStale()) await consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: String(BigInt(last.offset) + 1n) }]);
  };
}
