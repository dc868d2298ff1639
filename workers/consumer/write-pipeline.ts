import { sleep } from '../../lib/runtime/sleep';

/** What a queued write reports: stored (and its offsets committed), or given up (nothing committed). */
export type WriteOutcome = 'stored' | 'given-up';

/** The offsets of a partition that one write covers, as KafkaJS gives them. */
export interface OffsetRange {
  first: string;
  last: string;
}

/**
 * Lets Kafka fetch and decode the next batches while earlier ones are written: KafkaJS fetches
 * again only once every batch of a fetch has been handled, so a handler that awaited its own write
 * left the CPU idle for each fetch. Writes of one partition run one after another, in offset
 * order. Once one is given up (shutdown, rebalance), the partition's first unwritten offset is
 * remembered for the rest of the run: every later write that starts past it is skipped, however
 * late it is queued, until the partition is read again from there. So no offset past an unwritten
 * batch is ever committed. At most `maxPending` writes are queued or running; a failure stops the
 * pipeline (`failed` rejects), and the process with it.
 */
export function createWritePipeline(options: { maxPending: number; heartbeatMs?: number }) {
  const chains = new Map<string, Promise<WriteOutcome>>();
  const firstUnwritten = new Map<string, bigint>();
  const pending = new Set<Promise<unknown>>();
  let rejectFailed: (error: unknown) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => {
    rejectFailed = reject;
  });
  // Awaited by the caller's race; this keeps an unobserved rejection from crashing before it is.
  failed.catch(() => undefined);
  let failure: { error: unknown } | null = null;

  async function runInOrder(partitionKey: string, range: OffsetRange, write: () => Promise<WriteOutcome>, readAgainFrom: (offset: string) => void): Promise<WriteOutcome> {
    const first = BigInt(range.first);
    const hole = firstUnwritten.get(partitionKey);
    if (failure) return 'given-up';
    if (hole !== undefined && first > hole) {
      // The seek made when the hole was left may have been used up by a fetch, or lost to a
      // rebalance that later gave the partition back: ask again, or the partition would stall here.
      readAgainFrom(hole.toString());
      return 'given-up';
    }
    const outcome = await write();
    if (outcome === 'given-up') firstUnwritten.set(partitionKey, first);
    else if (hole !== undefined && BigInt(range.last) >= hole) firstUnwritten.delete(partitionKey);
    return outcome;
  }

  /**
   * Queues `write` after the partition's earlier writes. One that starts past an unwritten offset is
   * skipped, and `readAgainFrom` is told where the partition must be read again from.
   */
  function enqueue(partitionKey: string, range: OffsetRange, write: () => Promise<WriteOutcome>, readAgainFrom: (offset: string) => void = () => undefined): void {
    const previous = chains.get(partitionKey) ?? Promise.resolve<WriteOutcome>('stored');
    const tracked = previous
      .then(() => runInOrder(partitionKey, range, write, readAgainFrom))
      .catch((error: unknown) => {
        failure ??= { error };
        rejectFailed(error);
        return 'given-up' as const;
      });
    chains.set(partitionKey, tracked);
    pending.add(tracked);
    void tracked.finally(() => {
      pending.delete(tracked);
      if (chains.get(partitionKey) === tracked) chains.delete(partitionKey);
    });
  }

  /** Waits until another write may be queued, heartbeating meanwhile; false when `signal` aborted first. */
  async function waitForRoom(heartbeat: () => Promise<void>, signal: AbortSignal): Promise<boolean> {
    while (pending.size >= options.maxPending && !signal.aborted && !failure) {
      await Promise.race([...pending, sleep(options.heartbeatMs ?? 3_000, signal)]);
      await heartbeat();
    }
    if (failure) throw failure.error;
    return !signal.aborted;
  }

  async function drain(): Promise<void> {
    await Promise.all(pending);
  }

  return { enqueue, waitForRoom, drain, failed, pendingCount: () => pending.size };
}

export type WritePipeline = ReturnType<typeof createWritePipeline>;
