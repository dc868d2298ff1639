import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, '..', '..');
const expected = process.env.EXPECTED_NODE_VERSION;

describe('the tests run on the Node they claim to', () => {
  it.runIf(expected)(`the test worker runs ${expected ?? 'the Node the run installed'}`, () => {
    expect(process.version).toBe(expected);
  });

  it('a worker started as the tests start it (tsx from PATH) runs the same Node as the tests', async () => {
    const { stdout } = await promisify(execFile)(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['-e', 'process.stdout.write(process.version)']);
    expect(stdout).toBe(process.version);
  });
});
