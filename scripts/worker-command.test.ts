import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workerCommand, type WorkerName } from './worker-command';

const ROOT = path.join(import.meta.dirname, '..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

/** `node <flags> --import tsx workers/<name>/index.ts`, as the other launchers spell it. */
function expected(worker: WorkerName): string[] {
  const { args } = workerCommand(worker, ROOT);
  return ['node', ...args.slice(0, -1), path.relative(ROOT, args.at(-1)!)];
}

describe('every launcher runs the workers the same way', () => {
  it.each(['consumer', 'producer', 'classifier'] as const)('npm run %s', (worker) => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(scripts[worker]?.split(' ')).toEqual(expected(worker));
  });

  it.each(['consumer', 'producer', 'classifier'] as const)('docker compose %s', (worker) => {
    expect(read('docker-compose.yml')).toContain(`command: ${JSON.stringify(expected(worker)).replaceAll(',', ', ')}`);
  });

  it('the workers image', () => {
    expect(read('Dockerfile')).toContain(`CMD ${JSON.stringify(expected('consumer')).replaceAll(',', ', ')}`);
  });
});
