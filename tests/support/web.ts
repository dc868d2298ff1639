import path from 'node:path';
import { createServer } from 'node:net';
import { ROOT, startProcess, waitFor, type RunningProcess } from './processes';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface RunningWeb extends RunningProcess {
  baseUrl: string;
}

/** The same database as the read-only role the web app runs as in production (trust auth in tests). */
export function asWebRole(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.username = 'bikestream_web';
  url.password = '';
  return url.toString();
}

/** `npm run web` (server/index.ts in front of the production build) exactly as given, not waited for. */
export function spawnWeb(env: Record<string, string>, port: number): RunningProcess {
  return startProcess('web', process.execPath, ['--import', 'tsx', path.join(ROOT, 'server', 'index.ts')], { WEB_HOST: '127.0.0.1', ...env, PORT: String(port) });
}

/** The production web server against the given environment, connected as the read-only role, once it answers. */
export async function startWeb(env: Record<string, string>, port?: number): Promise<RunningWeb> {
  port ??= await freePort();
  const web = spawnWeb(env.DATABASE_URL ? { ...env, DATABASE_URL: asWebRole(env.DATABASE_URL) } : env, port);
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitFor('the web app to answer', async () => {
      if (web.child.exitCode !== null) throw new Error(`the web app exited (code ${web.child.exitCode}):\n${web.output()}`);
      return (await fetch(`${baseUrl}/api/health`).catch(() => null))?.status !== undefined;
    }, 60_000);
  } catch (error) {
    await web.stop();
    throw error;
  }
  return { ...web, baseUrl };
}

export async function getJson<T = unknown>(url: string): Promise<{ status: number; body: T }> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as T };
}
