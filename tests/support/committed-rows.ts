import { sql } from 'drizzle-orm';
import type { Database } from '../../lib/db/client';
import { createBus } from '../../lib/kafka/client';
import { stationStatusMessageSchema } from '../../lib/kafka/messages';
import { topicNames } from '../../lib/kafka/topics';
import { readTopic } from './kafka-topic';
import type { PipelineEnv } from './pipeline';

export interface CommittedRows {
  /** The group's committed offset of each status partition (-1: none). */
  committed: Map<number, number>;
  /** Status messages below their partition's committed offset. */
  belowCommitted: number;
  /** Those whose report is not in station_status, as `partition:offset station@time`. */
  missing: string[];
}

/** The consumer group's committed offsets of the status topic. */
export async function committedStatusOffsets(env: PipelineEnv): Promise<Map<number, number>> {
  const admin = (await createBus({ brokers: env.KAFKA_BROKERS.split(','), clientId: 'bikestream-test-committed', quiet: true })).inspector();
  await admin.connect();
  try {
    const topic = topicNames(env.KAFKA_TOPIC_PREFIX).stationStatus;
    const offsets = await admin.groupOffsets(env.KAFKA_CONSUMER_GROUP, [topic]);
    return new Map(offsets.map((entry) => [entry.partition, Number(entry.offset)]));
  } finally {
    await admin.disconnect();
  }
}

/**
 * Checks the consumer's promise offset by offset: every status message below its partition's
 * committed offset must be in station_status (its station and report time), whatever else happened.
 */
export async function checkCommittedRows(env: PipelineEnv, db: Database): Promise<CommittedRows> {
  const committed = await committedStatusOffsets(env);
  const messages = await readTopic(env.KAFKA_BROKERS.split(','), topicNames(env.KAFKA_TOPIC_PREFIX).stationStatus);
  const result = await db.execute<{ system_id: string; station_id: string; at: number }>(
    sql`SELECT system_id, station_id, extract(epoch FROM reported_at)::float8 * 1000 AS at FROM station_status`,
  );
  const stored = new Set(result.rows.map((row) => `${row.system_id}/${row.station_id}@${row.at}`));
  let belowCommitted = 0;
  const missing: string[] = [];
  for (const message of messages) {
    if (Number(message.offset) >= (committed.get(message.partition) ?? -1)) continue;
    belowCommitted += 1;
    const parsed = stationStatusMessageSchema.safeParse(JSON.parse(message.value?.toString('utf8') ?? 'null'));
    const key = parsed.success ? `${parsed.data.systemId}/${parsed.data.stationId}@${parsed.data.reportedAt.getTime()}` : 'not a status message';
    if (!stored.has(key)) missing.push(`${message.partition}:${message.offset} ${key}`);
  }
  return { committed, belowCommitted, missing };
}
