import type { Consumer, EachBatchPayload, Producer } from 'kafkajs';
import { backoffDelayMs } from '../../lib/backoff';
import type { Database } from '../../lib/db/client';
import { errorCodes } from '../../lib/db/error-causes';
import { sendDeadLetters, type DeadLetter } from '../../lib/kafka/dead-letter';
import type { Logger } from '../../lib/log';
import { sleep } from '../../lib/sleep';
import { decodeMessage, type ConsumedKind } from './decode';
import { writeBatch, type TopicRows } from './write-batch';
import type { WritePipeline } from './write-pipeline';

interface HandlerDeps {
  db: Database;
  pipeline: WritePipeline;
  kindByTopic: ReadonlyMap<string, ConsumedKind>;
  consumer: Consumer;
  deadLetterProducer: Producer;
  log: Logger;
  signal: AbortSignal;
}

/** SQLSTATE classes 22 (data) and 23 (constraint): retrying the same rows cannot help. */
const isDataError = (error: unknown) => errorCodes(error).some((code) => /^2[23]/.test(code));

function reasonOf(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? cause.message : error instanceof Error ? error.message.slice(0, 300) : String(error);
}

/**
 * Decodes each Kafka batch and queues its write (workers/consumer/write-pipeline.ts): one
 * transaction per batch, its offsets committed only after the transaction committed. While
 * PostgreSQL is down a write keeps being retried, heartbeating, so nothing is skipped; on shutdown
 * it is left uncommitted for the next run.
 */
export function createBatchHandler({ db, pipeline, kindByTopic, consumer, deadLetterProducer, log, signal }: HandlerDeps) {
  async function writeOrSplit(batch: TopicRows, letters: DeadLetter[]): Promise<number> {
    try {
      return await writeBatch(db, batch);
    } catch (error) {
      if (!isDataError(error) || batch.rows.length === 1) {
        if (isDataError(error)) {
          letters.push({ source: 'consumer', reason: `database rejected: ${reasonOf(error)}`, topic: batch.kind, payload: batch.rows[0] });
          return 0;
        }
        throw error;
      }
      // A bad row must not block the partition: find it by writing the batch's halves.
      const middle = Math.ceil(batch.rows.length / 2);
      const halves = [batch.rows.slice(0, middle), batch.rows.slice(middle)];
      let inserted = 0;
      for (const rows of halves) inserted += await writeOrSplit({ kind: batch.kind, rows } as TopicRows, letters);
      return inserted;
    }
  }

  async function writeWithRetries(batch: TopicRows, letters: DeadLetter[], payload: EachBatchPayload): Promise<number | null> {
    const { batch: kafkaBatch, heartbeat, isRunning, isStale } = payload;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await writeOrSplit(batch, letters);
      } catch (error) {
        const waitMs = backoffDelayMs(attempt, 500, 5_000);
        log.warn('database write failed, retrying', { topic: kafkaBatch.topic, partition: kafkaBatch.partition, reason: reasonOf(error), attempt, waitMs });
        await sleep(waitMs, signal);
        if (signal.aborted || !isRunning() || isStale()) return null;
        await heartbeat();
      }
    }
  }

  /** Commits the offset after the batch; a failed commit (partition moved on a rebalance) only means a redelivery. */
  async function commitAfter(topic: string, partition: number, offset: string): Promise<void> {
    try {
      await consumer.commitOffsets([{ topic, partition, offset: (BigInt(offset) + 1n).toString() }]);
    } catch (error) {
      log.warn('offset commit failed; the batch will be delivered again', { topic, partition, reason: reasonOf(error) });
    }
  }

  return async function eachBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, heartbeat, isRunning, isStale, resolveOffset } = payload;
    const last = batch.messages.at(-1);
    const kind = kindByTopic.get(batch.topic);
    if (!last || !kind) return;
    if (!(await pipeline.waitForRoom(heartbeat, signal)) || !isRunning() || isStale()) return;
    const started = performance.now();
    const letters: DeadLetter[] = [];
    const rows: unknown[] = [];
    for (const message of batch.messages) {
      const decoded = decodeMessage(kind, message);
      if (decoded.ok) rows.push(decoded.value);
      else letters.push({ source: 'consumer', reason: decoded.reason, topic: batch.topic, payload: decoded.payload, stationId: message.key?.toString('utf8').slice(0, 200) });
    }
    const topicRows = { kind, rows } as TopicRows;
    // Lets KafkaJS fetch on while this batch is written; nothing is committed before it is stored.
    resolveOffset(last.offset);
    pipeline.enqueue(`${batch.topic}/${batch.partition}`, async () => {
      const inserted = await writeWithRetries(topicRows, letters, payload);
      if (inserted === null) return 'given-up';
      await sendDeadLetters(deadLetterProducer, letters);
      await commitAfter(batch.topic, batch.partition, last.offset);
      log.info('batch stored', {
        topic: batch.topic,
        partition: batch.partition,
        messages: batch.messages.length,
        inserted,
        deadLettered: letters.length,
        ms: Math.round(performance.now() - started),
      });
      return 'stored';
    });
  };
}
