import { runMain } from '../../lib/runtime/run-main';
import { parseSimulatorArgs, USAGE, UsageError, type Command } from './args';
import { startSimulator } from './start';

function exitWithUsageError(error: UsageError): never {
  process.stderr.write(`simulator: ${error.message} (see --help)\n`);
  process.exit(2);
}

/** Resolves on the first SIGINT/SIGTERM; a second one while stopping exits at once. */
function shutdownSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) process.exit(1);
      stopping = true;
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

function readCommand(): Command {
  try {
    return parseSimulatorArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) exitWithUsageError(error);
    throw error;
  }
}

const command = readCommand();

if (command.kind === 'help') {
  process.stdout.write(`${USAGE}\n`);
} else {
  const { options } = command;
  await runMain('simulator', async (log) => {
    const simulator = await startSimulator({ ...options, log }).catch((error: unknown) => {
      if (error instanceof UsageError) exitWithUsageError(error);
      throw error;
    });
    process.stdout.write(`simulator listening on ${simulator.url} (${simulator.description})\n`);
    const signal = await shutdownSignal();
    await simulator.close();
    log.info('stopped', { signal });
  });
}
