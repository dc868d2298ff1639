import { constants, setPriority } from 'node:os';
import { createDatabase } from '../../lib/db/client';
import { checkDatabase } from '../../lib/queries/health';
import { env } from '../../lib/runtime/env';
import { runMain } from '../../lib/runtime/run-main';
import { handleShutdown } from '../../lib/runtime/shutdown';
import { runClassifyLoop } from './classify-loop';

const ROUND_INTERVAL_MS = 2_000;

await runMain('classifier', async (log) => {
  const config = env();
  const signal = handleShutdown(log);
  // Causes are derived and can wait: when the machine is short of CPU, the consumer goes first.
  setPriority(constants.priority.PRIORITY_BELOW_NORMAL);
  const db = createDatabase(config.DATABASE_URL, { max: 2, applicationName: 'bikestream-classifier' });
  const database = await checkDatabase(db);
  if (!database.ok) {
    await db.$client.end();
    throw new Error(`cannot use DATABASE_URL: ${database.error}`);
  }
  log.info('classifier started', { intervalMs: ROUND_INTERVAL_MS });
  try {
    await runClassifyLoop({ db, log, signal, intervalMs: ROUND_INTERVAL_MS });
  } finally {
    await db.$client.end();
  }
  log.info('classifier stopped');
});
