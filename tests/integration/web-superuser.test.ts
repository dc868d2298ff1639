import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printFigures } from '../support/change-audit';
import type { RunningProcess } from '../support/processes';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { freePort, spawnWeb, startWeb } from '../support/web';

describe('the web app and the database superuser', () => {
  let database: TestDatabase;
  const started: RunningProcess[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await Promise.all(started.map((web) => web.stop()));
    await database?.drop();
  });

  it('refuses to start as a superuser, with one line and a non-zero exit', async () => {
    const web = spawnWeb({ DATABASE_URL: database.url, KAFKA_BROKERS: '127.0.0.1:1', ALLOW_SUPERUSER_WEB: '0' }, await freePort());
    started.push(web);
    const code = await Promise.race([web.exited, new Promise<'running'>((resolve) => setTimeout(() => resolve('running'), 60_000))]);
    const lines = web.output().split('\n').filter((line) => /superuser/.test(line));
    printFigures(`web as the postgres superuser: exit ${code}, ${JSON.stringify(lines)}`);
    expect(code).toBe(1);
    expect(lines).toEqual(['web: refusing to run as the database superuser "postgres": connect as the read-only role (bikestream_web), or set ALLOW_SUPERUSER_WEB=1']);
  });

  it('starts as a superuser when ALLOW_SUPERUSER_WEB=1 says so, and as the read-only role without it', async () => {
    const allowed = spawnWeb({ DATABASE_URL: database.url, KAFKA_BROKERS: '127.0.0.1:1', ALLOW_SUPERUSER_WEB: '1' }, await freePort());
    started.push(allowed);
    const readOnly = await startWeb({ DATABASE_URL: database.url, KAFKA_BROKERS: '127.0.0.1:1' });
    started.push(readOnly);
    await expect.poll(() => allowed.output(), { timeout: 60_000 }).toMatch(/web ready/);
    expect((await fetch(`${readOnly.baseUrl}/api/systems`)).status).toBe(200);
    expect(allowed.child.exitCode).toBeNull();
  });
});
