import { existsSync } from 'node:fs';
import path from 'node:path';

export const SHARED_DATA = path.join(import.meta.dirname, '..', '..', '..', 'shared', 'data');
export const GBFS_SCHEMA_DIR = path.join(SHARED_DATA, 'gbfs-schema');

/** Whether the real data in ../shared is there; in CI its absence is a failure, elsewhere a printed skip. */
export function requireSharedData(what: string, folder: string): boolean {
  if (existsSync(folder)) return true;
  if (process.env.CI) throw new Error(`${what} is required in CI but ${folder} is missing`);
  console.warn(`SKIPPED: ${what} needs ${folder}`);
  return false;
}
