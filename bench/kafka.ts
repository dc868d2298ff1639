import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Bus, BusInspector, OutgoingMessage } from '../lib/kafka/bus';
import { createBus, stationKey } from '../lib/kafka/client';
import { encode } from '../lib/kafka/messages';
import { topicNames, type TopicNames } from '../lib/kafka/topics';
import { startLocalBroker } from '../scripts/kafka/broker';
import type { CitySpec } from './scales';
import { createStations, firstReportAt, statusReports, systemMessage } from './synthetic';

const BENCH_BROKER_PORT = Number(process.env.BENCH_KAFKA_PORT ?? 39192);
/** The consumer's default (KAFKA_STATUS_PARTITIONS); it consumes two partitions at a time. */
export const STATUS_PARTITIONS = 6;
const SEND_CHUNK = 10_000;
// One send at a time, from an idempotent producer, like workers/producer: concurrent sends let
// Kafka store a station's reports out of order, which the consumer must then repair (slowly).
const SENDS_IN_FLIGHT = 1;

export interface BenchKafka {
  brokers: string[];
  bus: Bus;
  admin: BusInspector;
  stop(): Promise<void>;
}

/** The broker named by KAFKA_BROKERS, or a throwaway single-node broker of our own on port 39192 (BENCH_KAFKA_PORT). */
export async function startKafka(log: (line: string) => void): Promise<BenchKafka> {
  const given = process.env.KAFKA_BROKERS?.split(',').filter(Boolean);
  let stopBroker = async () => undefined;
  let brokers = given ?? [];
  if (!given?.length) {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'bikestream-bench-kafka-'));
    log(`starting Kafka on 127.0.0.1:${BENCH_BROKER_PORT} in ${dataDir}`);
    const broker = await startLocalBroker({ port: BENCH_BROKER_PORT, dataDir, log: () => undefined });
    brokers = broker.brokers;
    stopBroker = async () => {
      await broker.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  }
  // Right after a topic is created the broker briefly answers "not the leader"; the client retries,
  // and real failures still surface as errors, so its log stays quiet here.
  const bus = await createBus({ brokers, clientId: 'bikestream-bench', quiet: true });
  const admin = bus.inspector();
  await admin.connect();
  return {
    brokers,
    bus,
    admin,
    async stop() {
      await admin.disconnect();
      await stopBroker();
    },
  };
}

/** The same topics the workers create (lib/kafka/topics.ts), under the dataset's own prefix. */
export async function createTopics(admin: BusInspector, prefix: string): Promise<TopicNames> {
  const names = topicNames(prefix);
  await admin.createTopics(
    [
      { topic: names.system, numPartitions: 1, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] },
      { topic: names.stationInformation, numPartitions: STATUS_PARTITIONS, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] },
      { topic: names.stationStatus, numPartitions: STATUS_PARTITIONS, configEntries: [{ name: 'retention.ms', value: '-1' }] },
      { topic: names.deadLetter, numPartitions: 1 },
    ],
    { waitForLeaders: true },
  );
  return names;
}

export async function deleteTopics(admin: BusInspector, prefix: string): Promise<void> {
  await admin.deleteTopics(Object.values(topicNames(prefix)));
}

/**
 * Writes a synthetic city into Kafka exactly as the producer would (same topics, keys and
 * lib/kafka/messages encoding): the system, its stations, then every status report.
 */
export async function produceCity(bus: Pick<Bus, 'producer'>, prefix: string, spec: CitySpec, end: Date): Promise<{ rows: number; ms: number }> {
  const started = performance.now();
  const names = topicNames(prefix);
  const producer = bus.producer();
  await producer.connect();
  try {
    const stations = createStations(spec, firstReportAt(spec, end));
    await producer.send({ topic: names.system, messages: [{ key: spec.systemId, value: encode(systemMessage(spec, end)) }] });
    await producer.send({
      topic: names.stationInformation,
      messages: stations.map((station) => ({ key: stationKey(spec.systemId, station.info.stationId), value: encode(station.info) })),
    });
    const inFlight = new Set<Promise<unknown>>();
    let chunk: OutgoingMessage[] = [];
    let rows = 0;
    const flush = async () => {
      const send = producer.send({ topic: names.stationStatus, messages: chunk });
      chunk = [];
      inFlight.add(send);
      void send.finally(() => inFlight.delete(send)).catch(() => undefined);
      if (inFlight.size >= SENDS_IN_FLIGHT) await Promise.race(inFlight);
    };
    for (const tick of statusReports(spec, stations, end)) {
      for (const report of tick) chunk.push({ key: stationKey(report.systemId, report.stationId), value: encode(report) });
      rows += tick.length;
      if (chunk.length >= SEND_CHUNK) await flush();
    }
    if (chunk.length > 0) await flush();
    await Promise.all(inFlight);
    return { rows, ms: performance.now() - started };
  } finally {
    await producer.disconnect();
  }
}
