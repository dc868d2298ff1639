import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './child';

/**
 * What `next build` reads. server/ and workers/ are not in it: they run from source on every start
 * and need no rebuild.
 */
const SOURCE_DIRS = ['app', 'components', 'lib', 'pages', 'public'];
const SOURCE_FILES = ['next.config.mjs', 'postcss.config.mjs', 'tsconfig.json', 'package-lock.json'];

function newestIn(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const modifiedAt = (file: string) => (existsSync(file) ? statSync(file).mtimeMs : 0);

/** True when there is no production build, or a source file is newer than it. */
export function needsBuild(root = ROOT): boolean {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  return SOURCE_DIRS.some((dir) => newestIn(path.join(root, dir)) > builtAt) || SOURCE_FILES.some((file) => modifiedAt(path.join(root, file)) > builtAt);
}
