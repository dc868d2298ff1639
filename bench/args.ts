import { parseArgs } from 'node:util';
import { SCALES, type ScaleName } from './scales';

export interface BenchOptions {
  scale: ScaleName;
  json: string | null;
  /** Leave the benchmark databases in place afterwards (for EXPLAIN ANALYZE by hand). */
  keep: boolean;
  /** Write EXPLAIN (ANALYZE, BUFFERS) of the measured queries here. */
  explain: string | null;
}

export const USAGE = 'usage: npm run bench -- [--scale smoke|small|full] [--json FILE] [--explain FILE] [--keep]';

export function parseBenchArgs(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: { scale: { type: 'string', default: 'full' }, json: { type: 'string' }, explain: { type: 'string' }, keep: { type: 'boolean', default: false } },
    strict: true,
  });
  const scale = values.scale ?? 'full';
  if (!(scale in SCALES)) throw new Error(`unknown scale \`${scale}\`; ${USAGE}`);
  return { scale: scale as ScaleName, json: values.json ?? null, explain: values.explain ?? null, keep: values.keep ?? false };
}
