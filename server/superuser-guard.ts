import pg from 'pg';
import { ConfigError } from '../lib/runtime/env';
import type { Logger } from '../lib/runtime/log';

const RETRY_MS = 5_000;

async function isSuperuser(databaseUrl: string): Promise<{ superuser: boolean; user: string }> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    // The session's login role too: a superuser login that only SET ROLE to a reader could RESET it.
    const result = await client.query<{ rolsuper: boolean; user: string }>(
      'SELECT bool_or(rolsuper) AS rolsuper, session_user AS user FROM pg_roles WHERE rolname IN (current_user, session_user)',
    );
    return { superuser: result.rows[0]?.rolsuper === true, user: result.rows[0]?.user ?? '?' };
  } finally {
    await client.end();
  }
}

const refusal = (user: string) =>
  new ConfigError(`refusing to run as the database superuser "${user}": connect as the read-only role (bikestream_web), or set ALLOW_SUPERUSER_WEB=1`);

/**
 * The web app only reads, so a superuser connection would only widen what a bug could do. Refuses
 * (throws a ConfigError) when the database says the role is a superuser. A database that cannot be
 * reached yet does not stop the start (pages then answer 503): the check is retried in the
 * background, and `onRefused` is called if it finds a superuser later.
 */
export async function refuseSuperuser(databaseUrl: string, log: Logger, onRefused: (error: ConfigError) => void): Promise<void> {
  const check = async (): Promise<boolean> => {
    try {
      const { superuser, user } = await isSuperuser(databaseUrl);
      if (superuser) throw refusal(user);
      return true;
    } catch (error) {
      if (error instanceof ConfigError) throw error;
      log.warn('could not check the database role yet; retrying', { error: error instanceof Error ? error.message : String(error) });
      return false;
    }
  };
  if (await check()) return;
  const retry = () => {
    check().then(
      (done) => done || setTimeout(retry, RETRY_MS).unref(),
      (error: unknown) => onRefused(error as ConfigError),
    );
  };
  setTimeout(retry, RETRY_MS).unref();
}
