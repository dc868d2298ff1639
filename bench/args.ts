import { parseArgs } from 'node:util';
import type { KafkaClientName } from '../lib/kafka/bus';
import { SCALES, type ScaleName } from './scales';

export interface BenchOptions {
  scale: ScaleName;
  json: string | null;
  /** Leave the benchmark databases in place afterwards (for EXPLAIN ANALYZE by hand). */
  keep: boolean;
  /** Write EXPLAIN (ANALYZE, BUFFERS) of the measured queries here. */
  explain: string | null;
  /** History multiples to measure the queries at, instead of the scale's (e.g. 1,4 when 16× would not fit the time). */
  growth: number[] | null;
  /** Only the ingest benchmark, once per Kafka client and round, side by side (bench/clients.ts). */
  clients: KafkaClientName[] | null;
  /** Only the ingest pair: plain and with the classifier beside it, ABBA (bench/ingest-pair.ts). */
  classifierPair: boolean;
  /** Status messages for --clients and --classifier-pair; the scale's ingest rows when not given. */
  rows: number | null;
  rounds: number;
}

const CLIENTS: readonly KafkaClientName[] = ['kafkajs', 'platformatic'];

export const USAGE =
  'usage: npm run bench -- [--scale smoke|small|full] [--growth 1,4,16] [--json FILE] [--explain FILE] [--keep]\n' +
  '       npm run bench -- --clients kafkajs,platformatic [--rows 1000000] [--rounds 2] [--scale …] [--json FILE]\n' +
  '       npm run bench -- --classifier-pair [--rows 1000000] [--scale …] [--json FILE]';

export function parseBenchArgs(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string', default: 'full' },
      growth: { type: 'string' },
      json: { type: 'string' },
      explain: { type: 'string' },
      keep: { type: 'boolean', default: false },
      clients: { type: 'string' },
      rows: { type: 'string' },
      rounds: { type: 'string', default: '2' },
      'classifier-pair': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const scale = values.scale ?? 'full';
  if (!(scale in SCALES)) throw new Error(`unknown scale \`${scale}\`; ${USAGE}`);
  const growth = values.growth === undefined ? null : values.growth.split(',').map(Number);
  if (growth && (growth[0] !== 1 || growth.some((multiple, index) => !Number.isInteger(multiple) || (index > 0 && multiple <= growth[index - 1]!)))) {
    throw new Error(`--growth must be increasing whole multiples starting at 1, e.g. 1,4,16; ${USAGE}`);
  }
  const clients = values.clients === undefined ? null : values.clients.split(',');
  if (clients && (clients.length === 0 || clients.some((client) => !(CLIENTS as readonly string[]).includes(client)))) {
    throw new Error(`--clients takes a comma-separated list of ${CLIENTS.join(', ')}; ${USAGE}`);
  }
  const rows = values.rows === undefined ? null : Number(values.rows);
  const rounds = Number(values.rounds);
  if ((rows !== null && !(Number.isInteger(rows) && rows > 0)) || !(Number.isInteger(rounds) && rounds > 0)) throw new Error(`--rows and --rounds must be positive whole numbers; ${USAGE}`);
  return { scale: scale as ScaleName, json: values.json ?? null, explain: values.explain ?? null, keep: values.keep ?? false, growth, clients: clients as KafkaClientName[] | null, classifierPair: values['classifier-pair'] ?? false, rows, rounds };
}
