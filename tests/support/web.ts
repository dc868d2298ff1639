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

/** The production build (`next start`) against the given environment. */
export async function startWeb(env: Record<string, string>, port?: number): Promise<RunningWeb> {
  port ??= await freePort();
  const web = startProcess('web', path.join(ROOT, 'node_modules', '.bin', 'next'), ['start', '-p', String(port), '-H', '127.0.0.1'], { ...env, PORT: String(port) });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor('the web app to answer', async () => (await fetch(`${baseUrl}/api/systems`)).status < 500, 60_000);
  return { ...web, baseUrl };
}

export async function getJson<T = unknown>(url: string): Promise<{ status: number; body: T }> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as T };
}
