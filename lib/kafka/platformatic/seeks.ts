/** The library's key of a partition in its offset maps. */
export const partitionKey = (topic: string, partition: number) => `${topic}:${partition}`;

/**
 * Seeks on a message stream that may already hold, or be fetching, messages from past the target:
 * those are dropped, and the seek made again, until a message at or before the target arrives (a
 * rebalance may have reset the partition to its committed offset, below the target). `apply` sets
 * the position of the partition's next fetch.
 */
export function createSeeks(apply: (key: string, offset: bigint) => void) {
  const pending = new Map<string, bigint>();
  const counts = new Map<string, number>();
  return {
    seek(topic: string, partition: number, offset: bigint): void {
      const key = partitionKey(topic, partition);
      pending.set(key, offset);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      apply(key, offset);
    },
    /** How many seeks the partition has had: a batch delivered before one is stale. */
    count: (topic: string, partition: number) => counts.get(partitionKey(topic, partition)) ?? 0,
    accepts(topic: string, partition: number, offset: bigint): boolean {
      const key = partitionKey(topic, partition);
      const target = pending.get(key);
      if (target === undefined) return true;
      if (offset > target) {
        apply(key, target);
        return false;
      }
      pending.delete(key);
      return true;
    },
  };
}
