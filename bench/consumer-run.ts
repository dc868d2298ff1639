import path from 'node:path';
import type { BusInspector } from '../lib/kafka/bus';
import { topicNames } from '../lib/kafka/topics';
import { workerCommand } from '../scripts/worker-command';
import { ROOT, startProcess, type RunningProcess } from '../tests/support/processes';
import { Client } from 'pg';
import { cpuMs, machineCpu, sampleRss, stolenPercent, treeCpuMs } from './rss';

export interface ConsumerEnv {
  [key: string]: string;
  KAFKA_BROKERS: string;
  KAFKA_TOPIC_PREFIX: string;
  KAFKA_CONSUMER_GROUP: string;
  DATABASE_URL: string;
}

export function consumerEnv(brokers: string[], prefix: string, databaseUrl: string): ConsumerEnv {
  return {
    KAFKA_BROKERS: brokers.join(','),
    KAFKA_TOPIC_PREFIX: prefix,
    KAFKA_CONSUMER_GROUP: `${prefix}consumer`,
    KAFKA_CLIENT_ID: 'bikestream-bench',
    DATABASE_URL: databaseUrl,
  };
}

export interface ConsumerTiming {
  /** Process spawned → consumer joined its group and started fetching ("consumer started" logged). */
  startupMs: number;
  /** Consumer started → done. */
  workMs: number;
  /** Spawned → done. */
  totalMs: number;
  peakRssMb: number | null;
  /** CPU used while working (consumer processes, and the PostgreSQL backends serving them): steadier than wall time on a busy machine. */
  consumerCpuMs: number;
  postgresCpuMs: number;
  /** Share of the machine's CPU time stolen by the hypervisor while working (/proc/stat). */
  stolenPercent: number;
}

export const BASELINE_APPLICATION_NAME = 'bikestream-bench-baseline';
const READY_LINE = 'msg="consumer started"';

/** Spawns the real consumer the way `npm run consumer` does, or another entry file the same way without its heap cap. */
function spawnConsumer(entry: string, env: ConsumerEnv): { process: RunningProcess; ready: Promise<number> } {
  const real = workerCommand('consumer', ROOT);
  const { command, args } = path.resolve(ROOT, entry) === real.args.at(-1) ? real : { command: process.execPath, args: ['--import', 'tsx', entry] };
  const running = startProcess(path.basename(path.dirname(entry)), command, args, env);
  const ready = new Promise<number>((resolve, reject) => {
    let seen = '';
    running.child.stderr?.on('data', (chunk: Buffer) => {
      seen = (seen + chunk.toString('utf8')).slice(-4096);
      if (seen.includes(READY_LINE)) resolve(performance.now());
    });
    void running.exited.then((code) => reject(new Error(`${entry} exited (${code}) before it started:\n${running.output()}`)));
  });
  return { process: running, ready };
}

/** Every partition of the consumed topics has a committed offset at its end: lag 0. */
export function createLagCheck(admin: BusInspector, env: ConsumerEnv): () => Promise<boolean> {
  const names = topicNames(env.KAFKA_TOPIC_PREFIX);
  const topics = [names.system, names.stationInformation, names.stationStatus];
  let ends: Map<string, number> | undefined;
  return async () => {
    if (!ends) {
      ends = new Map();
      for (const topic of topics) for (const end of await admin.topicOffsets(topic)) ends.set(`${topic}/${end.partition}`, Number(end.high));
    }
    const committed = await admin.groupOffsets(env.KAFKA_CONSUMER_GROUP, topics);
    for (const { topic, partition, offset } of committed) if (Math.max(0, Number(offset)) < (ends.get(`${topic}/${partition}`) ?? 0)) return false;
    return true;
  };
}

/**
 * Runs a consumer until `isDone` (polled every 100 ms) or `maxMs` after it started, then stops it
 * with SIGTERM (its graceful shutdown); `stopped` resolves once it has exited.
 */
/** PIDs of the PostgreSQL backends serving connections of `applicationName` (same machine). */
export async function backendPids(databaseUrl: string, applicationName: string): Promise<number[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()', [applicationName]);
    return result.rows.map((row) => row.pid);
  } finally {
    await client.end();
  }
}

export async function runConsumer(options: {
  entry: string;
  env: ConsumerEnv;
  isDone: () => Promise<boolean>;
  maxMs: number;
  sampleMemory?: boolean;
  /** The consumer's application_name in pg_stat_activity. */
  applicationName: string;
}): Promise<{ timing: ConsumerTiming; stopped: Promise<void> }> {
  const spawned = performance.now();
  const { process: running, ready } = spawnConsumer(options.entry, options.env);
  const sampler = options.sampleMemory && running.child.pid ? sampleRss(running.child.pid) : null;
  const stop = async () => {
    await sampler?.stop();
    const code = await running.stop(20_000);
    if (code !== 0) process.stderr.write(`${options.entry} stopped with exit code ${code}; its last output:\n${running.output()}\n`);
  };
  try {
    const readyAt = await ready;
    const pid = running.child.pid ?? 0;
    const consumerCpuAtReady = await treeCpuMs(pid);
    const machineAtReady = await machineCpu();
    while (!(await options.isDone()) && performance.now() - readyAt < options.maxMs) {
      if (running.child.exitCode !== null) throw new Error(`${options.entry} exited early:\n${running.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const doneAt = performance.now();
    const stolen = stolenPercent(machineAtReady, await machineCpu());
    const consumerCpuMs = (await treeCpuMs(pid)) - consumerCpuAtReady;
    const postgresCpuMs = await cpuMs(await backendPids(options.env.DATABASE_URL, options.applicationName));
    const peakRssMb = sampler ? await sampler.stop() : null;
    const timing = { startupMs: readyAt - spawned, workMs: doneAt - readyAt, totalMs: doneAt - spawned, peakRssMb, consumerCpuMs, postgresCpuMs, stolenPercent: stolen };
    // The consumer's graceful stop waits out a Kafka long poll (up to 5 s): let it finish in the background.
    return { timing, stopped: stop() };
  } catch (error) {
    await stop();
    throw error;
  }
}
