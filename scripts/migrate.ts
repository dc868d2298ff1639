import { ensureDatabaseExists, migrateDatabase } from '../lib/db/migrate';
import { setRolePasswords } from '../lib/db/role-passwords';
import { env } from '../lib/runtime/env';
import { reportProgress } from '../lib/runtime/progress';
import { runMain } from '../lib/runtime/run-main';

await runMain('migrate', async (log) => {
  const url = env().DATABASE_URL;
  const created = await ensureDatabaseExists(url);
  if (created) log.info('created database', { database: new URL(url).pathname.slice(1) });
  const started = performance.now();
  const stopProgress = reportProgress((seconds) => log.info('still migrating', { seconds }));
  try {
    await migrateDatabase(url);
  } finally {
    stopProgress();
  }
  log.info('migrations applied', { ms: Math.round(performance.now() - started) });
  const config = env();
  const roles = await setRolePasswords(url, { web: config.WEB_DB_PASSWORD, consumer: config.CONSUMER_DB_PASSWORD });
  if (roles.length) log.info('role passwords set', { roles: roles.join(',') });
});
