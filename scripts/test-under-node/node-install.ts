import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface InstalledNode {
  /** A directory holding only `node`, to put first on PATH. */
  binDir: string;
  version: string;
}

async function reportedVersion(node: string): Promise<string | undefined> {
  if (!existsSync(node)) return undefined;
  try {
    return (await run(node, ['--version'])).stdout.trim();
  } catch {
    return undefined;
  }
}

/**
 * The npm registry's `node` package (its install step fetches the binary for this platform),
 * installed once into `<cacheDir>/node-<version>`. It is installed beside that directory and
 * renamed into place, so an interrupted download never leaves a cache that looks complete.
 */
export async function installedNode(version: string, cacheDir: string, log: (line: string) => void): Promise<InstalledNode> {
  const dir = path.join(cacheDir, `node-${version}`);
  const binDir = (root: string) => path.join(root, 'node_modules', '.bin');
  const expected = `v${version}`;
  if ((await reportedVersion(path.join(binDir(dir), 'node'))) === expected) return { binDir: binDir(dir), version: expected };

  const staging = `${dir}.partial-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  // Its own package.json, so npm installs here instead of in the project above it.
  await writeFile(path.join(staging, 'package.json'), '{ "private": true }\n');
  log(`installing Node ${version} from the npm registry into ${dir}…`);
  await run('npm', ['install', '--prefix', staging, `node@${version}`, '--no-audit', '--no-fund', '--loglevel=error'], { maxBuffer: 16 * 1024 * 1024 });
  const got = await reportedVersion(path.join(binDir(staging), 'node'));
  if (got !== expected) {
    await rm(staging, { recursive: true, force: true });
    throw new Error(`npm installed node@${version} but its binary reports ${got ?? 'nothing'} (were install scripts disabled?)`);
  }
  await rm(dir, { recursive: true, force: true });
  await rename(staging, dir);
  return { binDir: binDir(dir), version: expected };
}
