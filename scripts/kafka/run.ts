import { resolve } from 'node:path';
import { ConfigError, env } from '../../lib/runtime/env';
import { isBrokerReachable, startLocalBroker } from './broker';
import { localBrokerPort } from './config';
import { LocalKafkaError } from './errors';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

async function main(): Promise<number> {
  const { KAFKA_BROKERS: brokers, KAFKA_DATA_DIR, KAFKA_LIB_DIR } = env();
  const address = brokers.join(',');
  if (await isBrokerReachable(brokers, 3_000)) {
    console.log(`Kafka already answers at ${address}; not starting another broker.`);
    return 0;
  }
  const port = localBrokerPort(brokers[0] ?? '');
  if (port === undefined) {
    console.error(`Nothing answers at KAFKA_BROKERS=${address}, and a local broker can only run on 127.0.0.1 or localhost.`);
    return 1;
  }

  const started = Date.now();
  const dataDir = resolve(KAFKA_DATA_DIR);
  const exitEarly = () => process.exit(130);
  for (const signal of SIGNALS) process.once(signal, exitEarly);
  const broker = await startLocalBroker({
    port,
    dataDir,
    libDir: KAFKA_LIB_DIR,
    log: (line) => console.log(line),
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`Kafka 4.x (KRaft) ready on 127.0.0.1:${port} in ${seconds} s (data in ${dataDir})`);

  let stopRequested = false;
  const stopOnSignal = (signal: NodeJS.Signals) => {
    if (stopRequested) {
      broker.process.kill('SIGKILL');
      return;
    }
    stopRequested = true;
    console.log(`${signal}: stopping Kafka…`);
    void broker.stop();
  };
  for (const signal of SIGNALS) {
    process.off(signal, exitEarly);
    process.on(signal, stopOnSignal);
  }

  const [code, signal] = await new Promise<[number | null, string | null]>((done) =>
    broker.process.once('close', (...status) => done(status)),
  );
  if (stopRequested) {
    console.log('Kafka stopped.');
    return 0;
  }
  console.error(`Kafka exited unexpectedly (${signal ?? `exit code ${code}`}).`);
  return 1;
}

try {
  process.exitCode = await main();
} catch (error) {
  const expected = error instanceof ConfigError || error instanceof LocalKafkaError;
  console.error(expected ? error.message : error);
  process.exitCode = 1;
}
