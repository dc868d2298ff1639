import path from 'node:path';

export type WorkerName = 'consumer' | 'producer' | 'classifier' | 'alerts';

/**
 * How a worker is run, everywhere (npm scripts mirror it): node loading tsx in-process rather than
 * the tsx CLI, which adds a second Node process (~45 MB) and relays every signal a second time;
 * and, for the consumer, a capped old generation (V8 otherwise lets it grow to ~400 MB under a
 * replay's allocation rate without any gain) and a larger young one: a Kafka batch lives for its
 * whole write, and with the default 16 MB semi-space it was copied and promoted before it died,
 * ~13 % of the consumer's CPU in garbage collection (32 MB: ~3 µs less CPU per row).
 */
export function workerCommand(worker: WorkerName, root: string): { command: string; args: string[] } {
  const heap = worker === 'consumer' ? ['--max-old-space-size=128', '--max-semi-space-size=32'] : [];
  return { command: process.execPath, args: [...heap, '--import', 'tsx', path.join(root, 'workers', worker, 'index.ts')] };
}
