import { ConfigError, env } from './env';
import { configureLogging, createLogger, type Logger } from './log';

/** Runs a process's main function: one clear line and exit 1 on failure, never a bare stack trace. */
export async function runMain(component: string, main: (log: Logger) => Promise<void>): Promise<void> {
  const log = createLogger(component);
  try {
    const config = env();
    configureLogging({ level: config.LOG_LEVEL, format: config.LOG_FORMAT ?? (config.NODE_ENV === 'production' ? 'json' : 'text') });
    await main(log);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${component}: ${error.message}\n`);
    } else {
      log.error('crashed', { error: error instanceof Error ? error.message : String(error) });
    }
    // Open sockets (Kafka, PostgreSQL) would otherwise keep a crashed process alive.
    process.exit(1);
  }
}
