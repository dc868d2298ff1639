import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface SystemsFileEntry {
  url: string;
  clientId?: string;
  language?: string;
}

/** Writes a SYSTEMS_FILE for the producer into a temporary folder. */
export async function writeSystemsFile(entries: SystemsFileEntry[]): Promise<{ file: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bikestream-systems-'));
  const file = path.join(dir, 'systems.json');
  await writeFile(file, JSON.stringify(entries, null, 2));
  return { file, remove: () => rm(dir, { recursive: true, force: true }) };
}
