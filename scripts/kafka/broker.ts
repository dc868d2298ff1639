import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createBus } from '../../lib/kafka/client';
import type { KafkaSecurity } from '../../lib/kafka/security';
import { renderLog4jProperties, renderServerProperties, type ServerConfig } from './config';
import { LocalKafkaError } from './errors';
import { assertJavaAvailable } from './java';
import { ensureKafkaJars } from './jars';
import { lastLines, runCommand } from './run-command';

const DEFAULT_LIB_DIR = fileURLToPath(new URL('../../.data/kafka-lib', import.meta.url));
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 15_000;
const KEPT_OUTPUT_LINES = 12;
const STACK_FRAME = /^\s+(at |\.\.\. \d+ more)/;

export interface LocalBrokerOptions {
  port: number;
  /** Port of the KRaft controller listener; defaults to port + 1. */
  controllerPort?: number;
  /** Holds server.properties, log4j2.properties and, in data/, the topics; formatted on first use. */
  dataDir: string;
  /** Where the Kafka jars are cached; defaults to .data/kafka-lib in the repository. */
  libDir?: string;
  /** Receives the broker's own log lines; defaults to stderr. */
  log?: (line: string) => void;
  /** Receives progress notes (fetching the jars, formatting storage); defaults to `log`. */
  progress?: (line: string) => void;
  /** server.properties settings beyond the single-node defaults; the plaintext listener on `port` must stay. */
  extraProperties?: Record<string, string>;
}

export interface LocalBroker {
  brokers: string[];
  stop(): Promise<void>;
  process: ChildProcess;
}

/** Starts a single-node Kafka (KRaft) from Maven Central jars and resolves once it answers. */
export async function startLocalBroker(options: LocalBrokerOptions): Promise<LocalBroker> {
  const { port, controllerPort = port + 1 } = options;
  const dataDir = resolve(options.dataDir);
  const libDir = resolve(options.libDir ?? DEFAULT_LIB_DIR);
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const progress = options.progress ?? log;
  if (controllerPort > 65535 || controllerPort === port) {
    throw new LocalKafkaError(`Cannot run the Kafka controller on port ${controllerPort}; choose another port.`);
  }

  await assertJavaAvailable();
  await assertPortsFree([port, controllerPort]);
  await ensureKafkaJars(libDir, progress);
  const files = await writeConfig(dataDir, { port, controllerPort, logDir: join(dataDir, 'data'), extra: options.extraProperties });
  const java = ['-Dlog4j2.configurationFile=' + files.log4j, '-cp', join(libDir, '*')];
  if (!existsSync(join(dataDir, 'data', 'meta.properties'))) {
    progress(`Formatting Kafka storage in ${join(dataDir, 'data')}`);
    await formatStorage(java, files.server);
  }

  const child = spawn('java', ['-Xms256m', '-Xmx768m', ...java, 'kafka.Kafka', files.server], {
    cwd: dataDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const recent: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      log(line);
      if (STACK_FRAME.test(line)) return;
      recent.push(line);
      if (recent.length > KEPT_OUTPUT_LINES) recent.shift();
    });
  }
  const exited = new Promise<string>((done) => {
    child.once('error', (error) => done(error.message));
    child.once('close', (code, signal) => done(signal ? `signal ${signal}` : `exit code ${code}`));
  });
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));

  let stopping: Promise<void> | undefined;
  const broker: LocalBroker = {
    brokers: [`127.0.0.1:${port}`],
    process: child,
    stop() {
      stopping ??= stopChild(child, exited);
      return stopping;
    },
  };

  const outcome = await waitUntilReady(broker.brokers, exited);
  if (outcome !== 'ready') {
    await broker.stop();
    const reason = outcome === 'timeout' ? `did not answer within ${READY_TIMEOUT_MS / 1000} s` : `stopped (${outcome})`;
    throw new LocalKafkaError(`Kafka on 127.0.0.1:${port} ${reason}. Its last output:\n${recent.join('\n')}`);
  }
  return broker;
}

/** The broker started here listens in plaintext, whatever TLS or SASL the environment asks for. */
const PLAINTEXT: KafkaSecurity = {};

/** True when a Kafka cluster answers a metadata request at `brokers` within `timeoutMs`. */
export async function isBrokerReachable(brokers: string[], timeoutMs: number, security?: KafkaSecurity): Promise<boolean> {
  const bus = await createBus({
    brokers,
    clientId: 'bikestream-kafka-probe',
    security,
    quiet: true,
    connectionTimeoutMs: Math.min(timeoutMs, 3_000),
    requestTimeoutMs: timeoutMs,
    retries: 1,
  });
  const admin = bus.admin();
  const probe = admin
    .connect()
    .then(() => admin.listTopics())
    .then(
      () => true,
      () => false,
    );
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((done) => {
    timer = setTimeout(() => done(false), timeoutMs);
  });
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
    await admin.disconnect().catch(() => undefined);
  }
}

/** Fails early and clearly when a port is taken, rather than mistaking another broker for ours. */
async function assertPortsFree(ports: number[]): Promise<void> {
  for (const port of ports) {
    const free = await new Promise<boolean>((done) => {
      const server = createServer()
        .once('error', () => done(false))
        .listen(port, '127.0.0.1', () => server.close(() => done(true)));
    });
    if (!free) {
      throw new LocalKafkaError(`Port ${port} on 127.0.0.1 is already in use (another Kafka?). Stop it, or choose another port.`);
    }
  }
}

async function writeConfig(dataDir: string, config: ServerConfig) {
  const server = join(dataDir, 'server.properties');
  const log4j = join(dataDir, 'log4j2.properties');
  await mkdir(config.logDir, { recursive: true });
  await writeFile(server, renderServerProperties(config));
  await writeFile(log4j, renderLog4jProperties());
  return { server, log4j };
}

async function formatStorage(java: string[], serverProperties: string): Promise<void> {
  const uuid = await runCommand('java', [...java, 'kafka.tools.StorageTool', 'random-uuid']);
  const clusterId = uuid.stdout.trim();
  if (uuid.code !== 0 || !clusterId) {
    throw new LocalKafkaError(`Could not create a Kafka cluster id:\n${lastLines(uuid.output, 15)}`);
  }
  const args = [...java, 'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', serverProperties];
  const format = await runCommand('java', args);
  if (format.code !== 0) {
    throw new LocalKafkaError(`Could not format the Kafka storage:\n${lastLines(format.output, 15)}`);
  }
}

async function waitUntilReady(brokers: string[], exited: Promise<string>): Promise<string> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const answer = await Promise.race([isBrokerReachable(brokers, 2_000, PLAINTEXT), exited]);
    if (answer === true) return 'ready';
    if (typeof answer === 'string') return answer;
    await Promise.race([pause(250), exited]);
  }
  return 'timeout';
}

async function stopChild(child: ChildProcess, exited: Promise<string>): Promise<void> {
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

function pause(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
