const SEED = 0x9747b28c;
const M = 0x5bd1e995;

/** Kafka's murmur2 (the Java client's Utils.murmur2), as a signed 32-bit integer. */
export function murmur2(key: string | Buffer): number {
  const data = typeof key === 'string' ? Buffer.from(key) : key;
  const length = data.length;
  let h = (SEED ^ length) | 0;
  const whole = length - (length % 4);
  for (let i = 0; i < whole; i += 4) {
    let k = data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M) ^ k;
  }
  const rest = length % 4;
  if (rest === 3) h ^= data[whole + 2]! << 16;
  if (rest >= 2) h ^= data[whole + 1]! << 8;
  if (rest >= 1) h = Math.imul(h ^ data[whole]!, M);
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/** A key's hash as Kafka's partitioners take it (the sign bit cleared), before `% partitions`. */
export function keyHash(key: string | Buffer): number {
  return murmur2(key) & 0x7fffffff;
}

/**
 * The partition of a keyed message, as Kafka's Java client and KafkaJS's default partitioner choose
 * it. Every client adapter places keys with this, so a station's reports stay on one partition
 * (in order) whichever client wrote them.
 */
export function partitionOf(key: string | Buffer, partitions: number): number {
  return keyHash(key) % partitions;
}
