import { existsSync, statSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './child';

const SOURCE_DIRS = ['app', 'components', 'lib', 'public'];

function newestIn(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** True when there is no production build, or a source file is newer than it. */
export function needsBuild(): boolean {
  const buildId = path.join(ROOT, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  return SOURCE_DIRS.some((dir) => newestIn(path.join(ROOT, dir)) > builtAt);
}
