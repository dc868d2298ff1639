import { existsSync } from 'node:fs';
import path from 'node:path';

/** ../shared/data beside the checkout, or SHARED_DATA_DIR for a checkout elsewhere (a CI clone in /tmp). */
export const SHARED_DATA = process.env.SHARED_DATA_DIR || path.join(import.meta.dirname, '..', '..', '..', 'shared', 'data');

/** Whether the real data in ../shared is there; in CI its absence is a failure, elsewhere a printed skip. */
export function requireSharedData(what: string, folder: string): boolean {
  if (existsSync(folder)) return true;
  if (process.env.CI) throw new Error(`${what} is required in CI but ${folder} is missing`);
  console.warn(`SKIPPED: ${what} needs ${folder}`);
  return false;
}
