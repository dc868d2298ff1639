import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SIMULATOR = path.join(import.meta.dirname, '..', '..', 'workers', 'simulator', 'index.ts');

/** Starts the simulator (a runMain process), stops it once it has served its feed, and returns its log lines. */
function simulatorLog(env: Record<string, string>): Promise<string[]> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SIMULATOR, '--port', '0'], { env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    // Served a request, so its event loop has run past installing its signal handlers.
    child.stdout.once('data', (chunk: Buffer) => {
      const url = /http:\S+/.exec(chunk.toString())?.[0] ?? '';
      void fetch(url).finally(() => child.kill('SIGTERM'));
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('close', () => resolve(stderr.split('\n').filter(Boolean)));
  });
}

describe.concurrent('logging settings reach a started process', () => {
  it('writes readable lines by default and JSON with LOG_FORMAT=json', async () => {
    const [text, json] = await Promise.all([simulatorLog({}), simulatorLog({ LOG_FORMAT: 'json' })]);
    expect(text).toEqual([expect.stringMatching(/^time=\S+ level=info component=simulator msg=stopped signal=SIGTERM$/)]);
    expect(json.map((line) => JSON.parse(line) as unknown)).toEqual([expect.objectContaining({ level: 'info', component: 'simulator', msg: 'stopped', signal: 'SIGTERM' })]);
  }, 30_000);

  it('writes JSON under NODE_ENV=production, and nothing below LOG_LEVEL', async () => {
    const [production, quiet] = await Promise.all([simulatorLog({ NODE_ENV: 'production' }), simulatorLog({ LOG_LEVEL: 'warn' })]);
    expect(JSON.parse(production[0] ?? '')).toMatchObject({ msg: 'stopped' });
    expect(quiet).toEqual([]);
  }, 30_000);
});
