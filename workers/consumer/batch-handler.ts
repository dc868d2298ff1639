import { backoffDelayMs } from '../../lib/runtime/backoff';
import type { Database } from '../../lib/db/client';
import { sendDeadLetters, type DeadLetter } from '../../lib/kafka/dead-letter';
import type { BatchContext, BusConsumer, MessageSender } from '../../lib/kafka/bus';
import type { Logger } from '../../lib/runtime/log';
import { sleep } from '../../lib/runtime/sleep';
import { decodeMessage, type ConsumedKind } from './decode';
import { createRefusalTally, describeRefusal, SystemicRefusalError } from './refusals';
import { writeOrSplit } from './split-write';
import { writeBatch, type TopicRows } from './write-batch';
import type { WritePipeline } from './write-pipeline';

interface HandlerDeps {
  db: Database;
  pipeline: WritePipeline;
  kindByTopic: ReadonlyMap<string, ConsumedKind>;
  consumer: Pick<BusConsumer, 'commitOffsets' | 'seek'>;
  deadLetterProducer: MessageSender;
  log: Logger;
  signal: AbortSignal;
}

type Attempt = { stored: true; inserted: number; letters: DeadLetter[] } | { stored: false; reason: string };

function reasonOf(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? cause.message : error instanceof Error ? error.message.slice(0, 300) : String(error);
}

/**
 * Decodes each Kafka batch and queues its write (workers/consumer/write-pipeline.ts): one
 * transaction per batch, its offsets committed only after the transaction committed. While
 * PostgreSQL is down a write keeps being retried, heartbeating, so nothing is skipped. A write is
 * given up, uncommitted, on shutdown or when the heartbeat fails (a rebalance: the partition may
 * have moved); outside shutdown its partition is then sought back to the write's first offset, and
 * the pipeline commits nothing of the partition past it until that offset is read again.
 */
export function createBatchHandler({ db, pipeline, kindByTopic, consumer, deadLetterProducer, log, signal }: HandlerDeps) {
  const refusalTally = createRefusalTally();

  async function writeWithRetries(partitionKey: string, batch: TopicRows, decodeLetters: DeadLetter[], payload: BatchContext): Promise<Attempt> {
    const { batch: kafkaBatch, heartbeat, isRunning, isStale } = payload;
    for (let attempt = 1; ; attempt += 1) {
      const refusals = refusalTally.begin(partitionKey);
      try {
        const { inserted, refused } = await writeOrSplit<unknown>(batch.rows, (rows) => writeBatch(db, { kind: batch.kind, rows } as TopicRows), refusals);
        refusals.settle();
        const letters = refused.map(({ row, error }): DeadLetter => ({ source: 'consumer', reason: `database rejected: ${describeRefusal(error)}`, topic: batch.kind, payload: row }));
        return { stored: true, inserted, letters: [...decodeLetters, ...letters] };
      } catch (error) {
        if (error instanceof SystemicRefusalError) throw error;
        const waitMs = backoffDelayMs(attempt, 500, 5_000);
        log.warn('database write failed, retrying', { topic: kafkaBatch.topic, partition: kafkaBatch.partition, reason: reasonOf(error), attempt, waitMs });
        await sleep(waitMs, signal);
        if (signal.aborted || !isRunning()) return { stored: false, reason: 'shutting down' };
        if (isStale()) return { stored: false, reason: 'the partition was sought' };
        try {
          await heartbeat();
        } catch (heartbeatError) {
          // A rebalance (or a lost coordinator) while PostgreSQL is down: the client rejoins by itself.
          return { stored: false, reason: `heartbeat failed: ${reasonOf(heartbeatError)}` };
        }
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

  /**
   * The client has fetched past a batch given up outside shutdown; reading the partition again from
   * the batch's first offset brings it back. After a rebalance that moved the partition away the
   * seek waits until it is ours again, and everything before that offset is written by then.
   */
  function readAgainFrom(topic: string, partition: number, offset: string, reason: string): void {
    log.warn('batch given up uncommitted; its partition is read again from its first offset', { topic, partition, offset, reason });
    try {
      consumer.seek({ topic, partition, offset });
    } catch (error) {
      log.warn('seek failed; the partition restarts from its committed offset when the consumer rejoins', { topic, partition, reason: reasonOf(error) });
    }
  }

  return async function eachBatch(payload: BatchContext): Promise<void> {
    const { batch, heartbeat, isRunning, isStale, resolveOffset } = payload;
    const first = batch.messages[0];
    const last = batch.messages.at(-1);
    const kind = kindByTopic.get(batch.topic);
    if (!first || !last || !kind) return;
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
    const partitionKey = `${batch.topic}/${batch.partition}`;
    // Lets the client fetch on while this batch is written; nothing is committed before it is stored.
    resolveOffset(last.offset);
    pipeline.enqueue(partitionKey, { first: first.offset, last: last.offset }, async () => {
      const attempt = await writeWithRetries(partitionKey, topicRows, letters, payload);
      if (!attempt.stored) {
        if (!signal.aborted) readAgainFrom(batch.topic, batch.partition, first.offset, attempt.reason);
        return 'given-up';
      }
      // A dead letter is a report: one that cannot be sent is logged, and must not hold the partition.
      const deadLetters = await sendDeadLetters(deadLetterProducer, attempt.letters);
      if (deadLetters.failed > 0) {
        log.warn('dead letters not sent', { topic: batch.topic, partition: batch.partition, failed: deadLetters.failed, reason: deadLetters.error });
      }
      await commitAfter(batch.topic, batch.partition, last.offset);
      log.info('batch stored', {
        topic: batch.topic,
        partition: batch.partition,
        messages: batch.messages.length,
        inserted: attempt.inserted,
        deadLettered: deadLetters.sent,
        ms: Math.round(performance.now() - started),
      });
      return 'stored';
    }, (offset) => {
      if (!signal.aborted) readAgainFrom(batch.topic, batch.partition, offset, 'an earlier batch of the partition is not written yet');
    });
  };
}
