import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, '..', '..');
const TSX = import.meta.resolve('tsx');

/** Runs an entry point from a folder holding only a .env: it must fail on the .env's bad value, at once. */
function runIn(dir: string, entry: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', TSX, path.join(ROOT, entry)], { cwd: dir, env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

describe.concurrent('.env in the working directory', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bikestream-dotenv-'));
  writeFileSync(path.join(dir, '.env'), 'WEB_DB_PASSWORD=short\nLOG_LEVEL=loud\n');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['workers/producer/index.ts', 'workers/consumer/index.ts', 'server/index.ts', 'scripts/migrate.ts', 'scripts/start/index.ts', 'scripts/kafka/run.ts'])(
    'reaches %s, and a variable set in the environment wins over it',
    async (entry) => {
      const { code, output } = await runIn(dir, entry, { LOG_LEVEL: 'debug' });
      expect(output).toContain('Invalid configuration: WEB_DB_PASSWORD');
      expect(output).not.toContain('LOG_LEVEL');
      expect(code).toBe(1);
    },
    30_000,
  );
});
