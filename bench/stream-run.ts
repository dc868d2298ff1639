import { randomBytes } from 'node:crypto';
import { createBenchDatabase } from './databases';
import { describeMachineSpeed, measureMachineSpeed } from './machine-speed';
import { machineLoad } from './rss';
import { measureStream } from './stream';

/**
 * The live stream's figures alone (`npx tsx bench/stream-run.ts [--steps 100,500,2000] [--rounds 20]`),
 * with the machine-speed probe and load around them, for when the full bench is too long to run.
 */
const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
};
const steps = (option('--steps') ?? '100,500,1000,2000,3000').split(',').map(Number);
const rounds = Number(option('--rounds') ?? 20);
const log = (line: string) => process.stderr.write(`[stream bench] ${line}\n`);

log(await machineLoad());
log(describeMachineSpeed(await measureMachineSpeed()));
const database = await createBenchDatabase(randomBytes(3).toString('hex'), 'stream');
try {
  const figures = await measureStream(database, { steps, rounds, log });
  process.stdout.write(`${JSON.stringify({ stream_latency_p95_ms: Math.round(figures.latencyP95Ms * 10) / 10, stream_clients: figures.clients, steps: figures.steps }, null, 2)}\n`);
  log(await machineLoad());
} finally {
  await database.drop();
}
