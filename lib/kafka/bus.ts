/**
 * What this project asks of a Kafka client, and nothing more. Workers, scripts, tests and the bench
 * use only these types; an adapter folder (lib/kafka/kafkajs/, lib/kafka/platformatic/) is the one
 * place a client library is imported and constructed, chosen by KAFKA_CLIENT (lib/kafka/client.ts).
 */

/** A message to send: keyed by station (or system), to the key's partition unless one is named. */
export interface OutgoingMessage {
  key: string | null;
  value: string | Buffer | null;
  partition?: number;
}

export interface OutgoingBatch {
  topic: string;
  messages: OutgoingMessage[];
}

/** Sends idempotently, waiting for all in-sync replicas (acks -1); rejects when the batch was not stored. */
export interface MessageSender {
  send(batch: OutgoingBatch): Promise<void>;
}

export interface BusProducer extends MessageSender {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
}

export interface ReceivedMessage {
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
}

/** Messages of one partition, in offset order. */
export interface PartitionBatch {
  topic: string;
  partition: number;
  messages: ReceivedMessage[];
}

export interface BatchContext {
  batch: PartitionBatch;
  /** Tells the group this member is alive while a batch takes long; rejects on a rebalance. */
  heartbeat(): Promise<void>;
  /** False once the consumer is stopping. */
  isRunning(): boolean;
  /** True once the partition was sought elsewhere or taken away: this batch must not be committed. */
  isStale(): boolean;
  /** Lets the client fetch past this offset before the batch is committed (commits stay explicit). */
  resolveOffset(offset: string): void;
}

export interface TopicPartitionOffset {
  topic: string;
  partition: number;
  offset: string;
}

export interface ConsumerOptions {
  groupId: string;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  maxBytesPerPartition?: number;
  /** Retries of a failing fetch or join before the consumer crashes. */
  retries?: number;
}

export interface RunOptions {
  /** How many partitions' batches are handled at the same time. */
  partitionsConsumedConcurrently?: number;
  eachBatch(context: BatchContext): Promise<void>;
}

/** Offsets are never committed on their own: only `commitOffsets` commits, after the database commit. */
export interface BusConsumer {
  connect(): Promise<void>;
  subscribe(topics: string[], options: { fromBeginning: boolean }): Promise<void>;
  run(options: RunOptions): Promise<void>;
  /** The offset is the next one to read (last handled + 1). */
  commitOffsets(offsets: TopicPartitionOffset[]): Promise<void>;
  /** The partition is read again from `offset` (after a batch was given up uncommitted). */
  seek(position: TopicPartitionOffset): void;
  /** A crash the client will not recover from by itself: the worker must stop, non-zero. */
  onCrash(listener: (error: unknown) => void): void;
  disconnect(): Promise<void>;
}

export interface TopicSpec {
  topic: string;
  numPartitions: number;
  replicationFactor?: number;
  configEntries?: { name: string; value: string }[];
}

/** What the workers ask of the cluster. */
export interface BusAdmin {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  listTopics(): Promise<string[]>;
  /** Resolves false when the topics already existed (another worker made them first). */
  createTopics(topics: TopicSpec[], options: { waitForLeaders: boolean }): Promise<boolean>;
  /** `topic[partition]` of every partition without a leader (`topic[*]`: not served yet); rejects while the metadata has errors. */
  leaderlessPartitions(topics: string[]): Promise<string[]>;
  brokerCount(): Promise<number>;
}

export interface PartitionEnds {
  partition: number;
  low: string;
  high: string;
}

/** What tests and the bench ask of the cluster besides what the workers need. */
export interface BusInspector extends BusAdmin {
  topicOffsets(topic: string): Promise<PartitionEnds[]>;
  /** The group's committed offset of each partition of each topic; '-1' when none. */
  groupOffsets(groupId: string, topics: string[]): Promise<TopicPartitionOffset[]>;
  /** The group's state as the broker names it (Stable, PreparingRebalance, Empty, Dead …) and its member ids. */
  describeGroup(groupId: string): Promise<{ state: string; members: string[] }>;
  deleteTopics(topics: string[]): Promise<void>;
  setTopicConfig(topic: string, name: string, value: string): Promise<void>;
}

export interface BusSecurity {
  ssl?: boolean | { ca: string[] };
  sasl?: { mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512'; username: string; password: string };
}

export interface BusOptions {
  brokers: string[];
  clientId: string;
  /** No client log lines (probes, tests, the bench); real failures still reject. */
  quiet?: boolean;
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Retries of a failed request before it rejects. */
  retries?: number;
  /** Overrides the environment's TLS and SASL settings. */
  security?: BusSecurity;
}

export type KafkaClientName = 'kafkajs' | 'platformatic';

export interface Bus {
  producer(): BusProducer;
  consumer(options: ConsumerOptions): BusConsumer;
  admin(): BusAdmin;
  inspector(): BusInspector;
}
