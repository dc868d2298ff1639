import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ensureDatabaseExists, migrateDatabase } from '../../lib/db/migrate';
import { readAlertsFile } from '../../lib/alerts/alerts-file';
import { ConfigError, env } from '../../lib/runtime/env';
import { reportProgress } from '../../lib/runtime/progress';
import { REPEAT_GRACE_MS } from '../../lib/runtime/shutdown';
import type { FeedSystem } from '../../lib/gbfs/systems-file';
import { startSimulator, type RunningSimulator } from '../../workers/simulator/start';
import { isBrokerReachable, startLocalBroker, type LocalBroker } from '../kafka/broker';
import { localBrokerPort } from '../kafka/config';
import { workerCommand, type WorkerName } from '../worker-command';
import { needsBuild } from './build-check';
import { binPath, ROOT, startChild, type Child } from './child';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';
import { nothingListens } from './database-fallback';
import { checkFeed } from './feed-check';
import { parseStartFlags } from './flags';
import { prepareWebDatabase } from './web-database';

function startWorker(worker: WorkerName, childEnv: NodeJS.ProcessEnv, readyPattern: RegExp) {
  const { command, args } = workerCommand(worker, ROOT);
  return startChild(worker, command, args, childEnv, readyPattern);
}

const WEB_PASSWORD_FILE = path.join(ROOT, '.data', 'web-db-password');

const say = (line: string) => console.log(`[start]     ${line}`);

const parsed = parseStartFlags(process.argv.slice(2));
if (!parsed.ok) {
  console.error(parsed.error);
  process.exit(2);
}
const { flags } = parsed;

const children: Child[] = [];
let broker: LocalBroker | undefined;
const simulators: RunningSimulator[] = [];
let embedded: EmbeddedPostgres | undefined;
let stopping = false;

async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    say('stopping…');
    await Promise.all(children.map((child) => child.stop()));
    await broker?.stop();
    await Promise.all(simulators.map((simulator) => simulator.close()));
    await embedded?.stop();
    say('stopped.');
  }
  process.exit(code);
}

async function startKafka(brokers: string[], dataDir: string, libDir: string | undefined, secured: boolean): Promise<void> {
  if (await isBrokerReachable(brokers, 3_000)) return say(`Kafka: using the broker at ${brokers.join(',')}`);
  const port = localBrokerPort(brokers[0] ?? '');
  if (port === undefined) throw new ConfigError(`Nothing answers at KAFKA_BROKERS=${brokers.join(',')}, and that is not this machine.`);
  if (secured) throw new ConfigError(`Nothing answers at KAFKA_BROKERS=${brokers.join(',')} with the configured TLS/SASL; the local broker \`npm start\` runs is plaintext only.`);
  say('Kafka: starting a local single-node KRaft broker…');
  mkdirSync(dataDir, { recursive: true });
  broker = await startLocalBroker({ port, dataDir, libDir, log: () => undefined, progress: (line) => say(`Kafka: ${line}`) });
  broker.process.once('exit', () => void (stopping || (console.error('Kafka stopped unexpectedly'), stopAll(1))));
  say(`Kafka: ready on 127.0.0.1:${port}`);
}

/** The configured PostgreSQL, or an embedded PGlite when nothing listens there. */
async function prepareDatabase(url: string): Promise<string> {
  say('PostgreSQL: migrating…');
  try {
    await ensureDatabaseExists(url);
  } catch (error) {
    if (!nothingListens(error)) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ConfigError(`PostgreSQL at DATABASE_URL (${new URL(url).host}): ${reason}. npm start uses its demo database only when nothing listens there.`);
    }
    say(`PostgreSQL: nothing answers at DATABASE_URL (${(error as Error).message}); using an embedded PGlite database in .data/pglite (a demo, not for production)`);
    embedded = await startEmbeddedPostgres(path.join(ROOT, '.data', 'pglite'));
    url = embedded.url;
  }
  const stopProgress = reportProgress((seconds) => say(`PostgreSQL: still migrating… ${seconds} s`));
  try {
    await migrateDatabase(url);
  } finally {
    stopProgress();
  }
  say('PostgreSQL: ready');
  return url;
}

/** Each --replay folder served by its own simulator, one system per folder, side by side. */
async function startReplays(folders: string[]): Promise<Record<string, string>> {
  for (const folder of folders) {
    const simulator = await startSimulator({ from: path.resolve(folder), port: 0, interval: 10 });
    simulators.push(simulator);
    say(`feed: ${simulator.description} at ${simulator.url}`);
  }
  return { GBFS_URL: simulators.map((simulator) => simulator.url).join(','), SYSTEMS_FILE: '' };
}

/** The configured feeds when they answer (no change to the workers' environment), else the simulator. */
async function chooseFeed(systems: FeedSystem[]): Promise<Record<string, string>> {
  if (flags.replay.length) return startReplays(flags.replay);
  const { stations } = flags;
  if (!flags.simulate) {
    const checks = await Promise.all(systems.map((system) => checkFeed(system.url, system.clientId)));
    const failed = checks.map((check, index) => (check.ok ? null : `${systems[index]?.url} (${check.reason})`)).filter(Boolean);
    if (failed.length === 0) {
      say(`feed: ${systems.map((system) => system.url).join(', ')}`);
      return {};
    }
    say(`feed: cannot reach ${failed.join(', ')}; running on the built-in simulator instead (the page will say "simulated data")`);
  }
  const simulator = await startSimulator({ port: 8181, interval: 10, stations }).catch(() => startSimulator({ port: 0, interval: 10, stations }));
  simulators.push(simulator);
  say(`feed: simulator at ${simulator.url}`);
  return { GBFS_URL: simulator.url, SYSTEMS_FILE: '' };
}

async function main(): Promise<void> {
  const config = env();
  let firstSignalAt = 0;
  const onSignal = () => {
    if (!firstSignalAt) {
      firstSignalAt = Date.now();
      void stopAll(0);
    } else if (Date.now() - firstSignalAt > REPEAT_GRACE_MS) {
      say('second Ctrl-C: exiting now');
      process.exit(1);
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, onSignal);
  const alertsFile = config.ALERTS_FILE ? readAlertsFile(config.ALERTS_FILE) : null;
  if (alertsFile && !alertsFile.ok) throw new ConfigError(`ALERTS_FILE: ${alertsFile.reason}`);

  await startKafka(config.KAFKA_BROKERS, path.resolve(ROOT, config.KAFKA_DATA_DIR), config.KAFKA_LIB_DIR, config.KAFKA_SSL || config.KAFKA_SASL_MECHANISM !== undefined);

  const databaseUrl = await prepareDatabase(config.DATABASE_URL);
  const webDatabase = await prepareWebDatabase(databaseUrl, { embedded: embedded !== undefined, configured: config.WEB_DB_PASSWORD, passwordFile: WEB_PASSWORD_FILE });
  say(webDatabase.note);
  const feedEnv = await chooseFeed(config.feedSystems);
  const childEnv = { ...process.env, DATABASE_URL: databaseUrl, ...feedEnv, NEXT_TELEMETRY_DISABLED: '1' };
  const webEnv = { ...childEnv, ...webDatabase.env };

  if (needsBuild()) {
    say('web: building the production app (first run or changed sources, about a minute)…');
    const build = startChild('build', binPath('next'), ['build'], childEnv);
    if ((await build.child.exited) !== 0) throw new Error('next build failed');
  }

  const parts = [
    startWorker('consumer', childEnv, /consumer started/),
    startWorker('producer', childEnv, /producer started/),
    startWorker('classifier', childEnv, /classifier started/),
    // Webhooks only for an operator who configured some.
    ...(config.ALERTS_FILE ? [startWorker('alerts', childEnv, /alerts started/)] : []),
    startChild('web', process.execPath, ['--import', 'tsx', path.join(ROOT, 'server', 'index.ts')], webEnv, /web ready/),
  ];
  for (const { child } of parts) {
    children.push(child);
    void child.exited.then((code) => {
      if (stopping) return;
      console.error(`${child.name} exited unexpectedly (code ${code ?? 'signal'}); stopping everything.`);
      return stopAll(1);
    });
  }
  for (const [index, { ready }] of parts.entries()) {
    await ready;
    say(`${parts[index]?.child.name}: ready`);
  }
  say(`bikestream is running: http://localhost:${config.PORT}  (Ctrl-C to stop)`);
}

main().catch(async (error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `start failed: ${error instanceof Error ? error.message : String(error)}`);
  await stopAll(1);
});
