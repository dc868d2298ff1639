import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { installedNode } from './node-install';

/** The newest Node 24 LTS on the npm registry when this was written; bump it with the LTS line. */
const NODE_VERSION = '24.21.0';
const ROOT = path.join(import.meta.dirname, '..', '..');
const PROJECTS = ['unit', 'integration'] as const;
/**
 * Not repeated under Node 24 when the whole integration project runs: the three longest replays
 * (~220 s of the pass) exercise the same producer, broker client, consumer and web code that the
 * other pipeline tests run on 24, and all three run on the CI's Node 20 pass. Named here and printed,
 * so none is skipped silently; a file filter still runs any of them on 24.
 */
const NOT_REPEATED_ON_24 = ['tests/integration/labelled-causes.test.ts', 'tests/integration/feed-health.test.ts', 'tests/integration/exports.test.ts'];

const log = (line: string) => console.log(`[node ${NODE_VERSION}] ${line}`);

function vitest(node: string, env: NodeJS.ProcessEnv, args: string[]): Promise<number> {
  const child = spawn(node, [path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...args], { cwd: ROOT, env, stdio: 'inherit' });
  return new Promise((resolve) => child.once('close', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

/**
 * Runs the unit and integration tests again under Node 24, whatever Node runs npm: that Node comes
 * first on PATH, so vitest's workers and every `node`/`tsx` the tests start run on it too.
 * Usage: test-under-node.ts [--project unit|integration]… [vitest filters…]
 */
async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ options: { project: { type: 'string', multiple: true } }, allowPositionals: true });
  const projects = values.project ?? [...PROJECTS];
  const unknown = projects.filter((project) => !(PROJECTS as readonly string[]).includes(project));
  if (unknown.length > 0) {
    console.error(`unknown project ${unknown.join(', ')}: choose from ${PROJECTS.join(', ')}`);
    return 2;
  }

  const { binDir, version } = await installedNode(NODE_VERSION, path.join(ROOT, '.data'), log);
  const node = path.join(binDir, 'node');
  const env = { ...process.env, PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}`, EXPECTED_NODE_VERSION: version };
  const child = await promisify(execFile)(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['-e', 'process.stdout.write(process.version)'], { env });
  log(`vitest runs on ${version}; a tsx child started from PATH runs on ${child.stdout}`);
  if (child.stdout !== version) return 1;

  // A file filter usually names files of one project; the other then has none, which is no failure.
  const filters = positionals.length > 0 ? ['--passWithNoTests', ...positionals] : [];
  for (const project of projects) {
    const started = Date.now();
    const excluded = project === 'integration' && filters.length === 0 ? NOT_REPEATED_ON_24 : [];
    if (excluded.length > 0) log(`not repeated on ${version} (run on the CI's Node 20 pass): ${excluded.join(', ')}`);
    const code = await vitest(node, env, ['--project', project, ...filters, ...excluded.flatMap((file) => ['--exclude', file])]);
    log(`${project} tests on ${version}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (code !== 0) return code;
  }
  return 0;
}

process.exitCode = await main();
