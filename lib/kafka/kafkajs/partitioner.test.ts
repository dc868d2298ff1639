import { Partitioners, type PartitionMetadata } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { partitionOf } from '../partition';

const metadata = (count: number): PartitionMetadata[] =>
  Array.from({ length: count }, (_, partitionId) => ({ partitionId, leader: 1, replicas: [1], isr: [1], partitionErrorCode: 0, offlineReplicas: [] }));

describe('partitionOf', () => {
  it("places 5,000 station keys (ASCII and non-ASCII, every length mod 4) where KafkaJS's default partitioner does", () => {
    const kafkajs = Partitioners.DefaultPartitioner();
    const keys = Array.from({ length: 5_000 }, (_, index) => `${index % 3 === 0 ? 'oslobysykkel' : 'bergen-ø'}/${'s'.repeat(index % 7)}${index}`);
    for (const partitions of [1, 3, 6, 7]) {
      const theirs = keys.map((key) => kafkajs({ topic: 't', partitionMetadata: metadata(partitions), message: { key, value: null } }));
      expect(keys.map((key) => partitionOf(key, partitions))).toEqual(theirs);
    }
  });

  it('spreads keys over every partition', () => {
    const used = new Set(Array.from({ length: 200 }, (_, index) => partitionOf(`city/${index}`, 6)));
    expect(used.size).toBe(6);
  });
});
