import { parseArgs } from 'node:util';
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
}

export const USAGE = 'usage: npm run bench -- [--scale smoke|small|full] [--growth 1,4,16] [--json FILE] [--explain FILE] [--keep]';

export function parseBenchArgs(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string', default: 'full' },
      growth: { type: 'string' },
      json: { type: 'string' },
      explain: { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const scale = values.scale ?? 'full';
  if (!(scale in SCALES)) throw new Error(`unknown scale \`${scale}\`; ${USAGE}`);
  const growth = values.growth === undefined ? null : values.growth.split(',').map(Number);
  if (growth && (growth[0] !== 1 || growth.some((multiple, index) => !Number.isInteger(multiple) || (index > 0 && multiple <= growth[index - 1]!)))) {
    throw new Error(`--growth must be increasing whole multiples starting at 1, e.g. 1,4,16; ${USAGE}`);
  }
  return { scale: scale as ScaleName, json: values.json ?? null, explain: values.explain ?? null, keep: values.keep ?? false, growth };
}
