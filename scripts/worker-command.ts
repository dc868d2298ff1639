import path from 'node:path';

export type WorkerName = 'consumer' | 'producer';

/**
 * How a worker is run, everywhere (npm scripts mirror it): node loading tsx in-process rather than
 * the tsx CLI, which adds a second Node process (~45 MB) and relays every signal a second time;
 * and a capped old generation for the consumer, whose heap V8 otherwise lets grow to ~400 MB under
 * a replay's allocation rate without any gain in throughput.
 */
export function workerCommand(worker: WorkerName, root: string): { command: string; args: string[] } {
  const heap = worker === 'consumer' ? ['--max-old-space-size=192'] : [];
  return { command: process.execPath, args: [...heap, '--import', 'tsx', path.join(root, 'workers', worker, 'index.ts')] };
}
