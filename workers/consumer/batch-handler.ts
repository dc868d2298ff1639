import type { Consumer, EachBatchPayload, Producer } from 'kafkajs';
import { backoffDelayMs } from '../../lib/backoff';
import type { Database } from '../../lib/db/client';
import { sendDeadLetters, type DeadLetter } from '../../lib/kafka/dead-letter';
import type { Logger } from '../../lib/log';
import { sleep } from '../../lib/sleep';
import { decodeMessage, type ConsumedKind } from './decode';
import { writeBatch, type TopicRows } from './write-batch';

interface HandlerDeps {
  db: Database;
  kindByTopic: ReadonlyMap<string, ConsumedKind>;
  consumer: Consumer;
  deadLetterProducer: Producer;
  log: Logger;
  signal: AbortSignal;
}

/**
 * SQLSTATE classes 22 (data) and 23 (constraint): retrying the same rows cannot help. Drizzle
 * wraps driver errors, so the code may sit on `cause`.
 */
function isDataError(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 4; current = (current as { cause?: unknown }).cause, depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^2[23]/.test(code)) return true;
  }
  return false;
}

function reasonOf(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? cause.message : error instanceof Error ? error.message.slice(0, 300) : String(error);
}

/**
 * Writes each Kafka batch in one transaction and commits its offsets only after the transaction
 * committed. While PostgreSQL is down it keeps retrying the same batch, heartbeating, so nothing
 * is skipped; on shutdown it leaves the batch uncommitted for the next run.
 */
export function createBatchHandler({ db, kindByTopic, consumer, deadLetterProducer, log, signal }: HandlerDeps) {
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

  return async function eachBatch({ batch, heartbeat, isRunning, isStale, resolveOffset }: EachBatchPayload): Promise<void> {
    const last = batch.messages.at(-1);
    const kind = kindByTopic.get(batch.topic);
    if (!last || !kind) return;
    const started = performance.now();
    const letters: DeadLetter[] = [];
    const rows: unknown[] = [];
    for (const message of batch.messages) {
      const decoded = decodeMessage(kind, message);
      if (decoded.ok) rows.push(decoded.value);
      else letters.push({ source: 'consumer', reason: decoded.reason, topic: batch.topic, payload: decoded.payload, stationId: message.key?.toString('utf8').slice(0, 200) });
    }
    const topicRows = { kind, rows } as TopicRows;

    let inserted = 0;
    for (let attempt = 1; ; attempt += 1) {
      try {
        inserted = await writeOrSplit(topicRows, letters);
        break;
      } catch (error) {
        const waitMs = backoffDelayMs(attempt, 500, 5_000);
        log.warn('database write failed, retrying', { topic: batch.topic, partition: batch.partition, reason: reasonOf(error), attempt, waitMs });
        await sleep(waitMs, signal);
        if (signal.aborted || !isRunning() || isStale()) return;
        await heartbeat();
      }
    }
    await sendDeadLetters(deadLetterProducer, letters);
    await consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: (BigInt(last.offset) + 1n).toString() }]);
    resolveOffset(last.offset);
    log.info('batch stored', {
      topic: batch.topic,
      partition: batch.partition,
      messages: batch.messages.length,
      inserted,
      deadLettered: letters.length,
      ms: Math.round(performance.now() - started),
    });
  };
}
