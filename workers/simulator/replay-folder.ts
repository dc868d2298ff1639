import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Logger } from '../../lib/runtime/log';
import { UsageError } from './args';

export interface Snapshot {
  file: string;
  lastUpdatedSeconds: number;
  /** last_updated as recorded: unix seconds, or an RFC 3339 string in GBFS 3. */
  lastUpdated: number | string;
  version: string | undefined;
  /** The recorded document with only its ttl replaced. */
  body: string;
}

export interface ReplayFolder {
  dir: string;
  stationInformation: string;
  systemInformation: string | undefined;
  vehicleTypes: string | undefined;
  /** Oldest first; never empty. */
  snapshots: Snapshot[];
}

const snapshotHeader = z.object({
  last_updated: z.union([z.number(), z.string()]),
  version: z.string().optional().catch(undefined),
});

/** Seconds since 1970 from a number, a numeric string, or an RFC 3339 string; undefined if none of these. */
export function parseLastUpdated(value: number | string): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  const milliseconds = Date.parse(value);
  return Number.isNaN(milliseconds) ? undefined : milliseconds / 1000;
}

export function compareSnapshots(a: Snapshot, b: Snapshot): number {
  return a.lastUpdatedSeconds - b.lastUpdatedSeconds || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
}

/** Re-serialises a recorded document with only its top-level ttl changed (key order kept). */
export function withTtl(document: unknown, ttl: number): string {
  const isObject = typeof document === 'object' && document !== null && !Array.isArray(document);
  return JSON.stringify(isObject ? { ...document, ttl } : document);
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

export async function loadReplayFolder(dir: string, ttl: number, log: Logger): Promise<ReplayFolder> {
  const names = await readdir(dir).catch(() => {
    throw new UsageError(`--from ${dir}: not a readable folder`);
  });
  const read = async (name: string): Promise<unknown> => {
    const file = path.join(dir, name);
    if (!(await isFile(file))) return undefined;
    try {
      return JSON.parse(await readFile(file, 'utf8')) as unknown;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      log.warn('skipping file that is not JSON', { file, error: reason });
      return undefined;
    }
  };
  const optional = async (name: string) => {
    const document = await read(name);
    return document === undefined ? undefined : withTtl(document, ttl);
  };

  const stationInformation = await optional('station_information.json');
  if (stationInformation === undefined) throw new UsageError(`--from ${dir}: no readable station_information.json`);

  const snapshots: Snapshot[] = [];
  for (const file of names.filter((name) => name.startsWith('station_status')).sort()) {
    const document = await read(file);
    if (document === undefined) continue;
    const header = snapshotHeader.safeParse(document);
    const seconds = header.success ? parseLastUpdated(header.data.last_updated) : undefined;
    if (!header.success || seconds === undefined) {
      log.warn('skipping station_status without a usable last_updated', { file: path.join(dir, file) });
      continue;
    }
    const { last_updated: lastUpdated, version } = header.data;
    snapshots.push({ file, lastUpdatedSeconds: seconds, lastUpdated, version, body: withTtl(document, ttl) });
  }
  if (snapshots.length === 0) throw new UsageError(`--from ${dir}: no readable station_status*.json`);

  return {
    dir,
    stationInformation,
    systemInformation: await optional('system_information.json'),
    vehicleTypes: await optional('vehicle_types.json'),
    snapshots: snapshots.sort(compareSnapshots),
  };
}
