import type { KafkaClientName } from '../lib/kafka/bus';
import { createBus } from '../lib/kafka/client';
import { defineDataset, produceDataset, withRows } from './datasets';
import { measureConsumerIngest } from './ingest';
import { deleteTopics, type BenchKafka } from './kafka';
import { describeMachineSpeed, measureMachineSpeed } from './machine-speed';
import { describeConsumerRun } from './report';
import { machineLoad } from './rss';
import { SCALES } from './scales';
import { round } from './stats';
import { dataEnd } from './synthetic';

export interface ClientFigures {
  produce_rows_per_s: number;
  /** One figure per round, in the order measured. */
  ingest_rows_per_s: number[];
  ingest_consumer_cpu_us_per_row: number[];
  ingest_postgres_cpu_us_per_row: number[];
}

export interface ClientComparison {
  rows: number;
  machine_decode_us_per_message: number;
  machine_postgres_probe_ms: number;
  node: string;
  clients: Partial<Record<KafkaClientName, ClientFigures>>;
}

interface ComparisonOptions {
  clients: KafkaClientName[];
  rows: number;
  rounds: number;
  runId: string;
  kafka: BenchKafka;
  log: (line: string) => void;
}

const perRowUs = (ms: number, rows: number) => round((ms * 1000) / rows, 2);

/**
 * The same ingest measurement as `ingest_rows_per_s`, once per client and round: each client's
 * producer writes its own copy of the data (its produce rate), then every consumer run reads the
 * first client's copy, so all read the same bytes, into a fresh database with its own group.
 * Rounds alternate the order (A B, B A, …) so a machine that speeds up or slows down during the
 * run does not favour one client.
 */
export async function compareClients({ clients, rows, rounds, runId, kafka, log }: ComparisonOptions): Promise<ClientComparison> {
  const speed = await measureMachineSpeed();
  log(`${describeMachineSpeed(speed)}; Node ${process.versions.node}; ${await machineLoad()}`);
  const end = dataEnd();
  const figures: ClientComparison['clients'] = {};
  const datasets = clients.map((client) => defineDataset(runId, `clients-${client}`, withRows(SCALES.full.oslo, rows)));
  try {
    for (const [index, client] of clients.entries()) {
      const bus = await createBus({ brokers: kafka.brokers, clientId: 'bikestream-bench', quiet: true }, client);
      const perSecond = await produceDataset(bus, kafka.admin, datasets[index]!, end, (line) => log(`${client}: ${line}`));
      figures[client] = { produce_rows_per_s: Math.round(perSecond), ingest_rows_per_s: [], ingest_consumer_cpu_us_per_row: [], ingest_postgres_cpu_us_per_row: [] };
    }
    const source = datasets[0]!;
    for (let turn = 0; turn < rounds; turn += 1) {
      for (const client of turn % 2 === 0 ? clients : [...clients].reverse()) {
        log(`ingest with ${client}, round ${turn + 1}; ${await machineLoad()}`);
        const group = `${source.prefix}consumer-${client}-${turn}`;
        const ingest = await measureConsumerIngest({ runId, brokers: kafka.brokers, admin: kafka.admin }, source, { KAFKA_CLIENT: client, KAFKA_CONSUMER_GROUP: group }, `ingest_${turn}_${client.slice(0, 3)}`);
        await ingest.finished;
        log(describeConsumerRun(`ingest with ${client}`, ingest.rows, ingest.timing));
        const entry = figures[client]!;
        entry.ingest_rows_per_s.push(Math.round(ingest.rowsPerS));
        entry.ingest_consumer_cpu_us_per_row.push(perRowUs(ingest.timing.consumerCpuMs, ingest.rows));
        entry.ingest_postgres_cpu_us_per_row.push(perRowUs(ingest.timing.postgresCpuMs, ingest.rows));
      }
    }
  } finally {
    if (process.env.KAFKA_BROKERS) for (const dataset of datasets) await deleteTopics(kafka.admin, dataset.prefix).catch(() => undefined);
  }
  return {
    rows: datasets[0]!.rows,
    machine_decode_us_per_message: round(speed.decodeUsPerMessage, 2),
    machine_postgres_probe_ms: round(speed.postgresProbeMs, 0),
    node: process.versions.node,
    clients: figures,
  };
}
