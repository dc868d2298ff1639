import { createLogger, type Logger } from '../../lib/runtime/log';
import { DEFAULT_OPTIONS, type SimulatorOptions } from './args';
import type { FeedSource } from './feed-source';
import { loadReplayFolder } from './replay-folder';
import { createReplaySource } from './replay-source';
import { createFeedServer } from './server';
import { createSyntheticSource } from './synthetic-source';

export interface StartOptions extends Partial<SimulatorOptions> {
  log?: Logger;
  /** Milliseconds since 1970; tests pass a fake clock. */
  now?: () => number;
}

export interface RunningSimulator {
  /** The gbfs.json discovery URL, e.g. http://127.0.0.1:8181/gbfs.json. */
  url: string;
  baseUrl: string;
  port: number;
  /** "synthetic, GBFS 2.3" or "replay DIR". */
  description: string;
  close(): Promise<void>;
}

async function createSource(options: SimulatorOptions, log: Logger, now: () => number): Promise<FeedSource> {
  const { from, interval, seed, stations, gbfsVersion, systemId } = options;
  if (from === undefined) return createSyntheticSource({ seed, stations, interval, gbfsVersion, systemId, now });
  return createReplaySource(await loadReplayFolder(from, interval, log), { interval, now });
}

/** Starts a simulator in this process; port 0 picks a free port. */
export async function startSimulator(startOptions: StartOptions = {}): Promise<RunningSimulator> {
  const { log = createLogger('simulator'), now = Date.now } = startOptions;
  const options: SimulatorOptions = {
    from: startOptions.from,
    host: startOptions.host ?? DEFAULT_OPTIONS.host,
    port: startOptions.port ?? DEFAULT_OPTIONS.port,
    interval: startOptions.interval ?? DEFAULT_OPTIONS.interval,
    seed: startOptions.seed ?? DEFAULT_OPTIONS.seed,
    stations: startOptions.stations ?? DEFAULT_OPTIONS.stations,
    gbfsVersion: startOptions.gbfsVersion ?? DEFAULT_OPTIONS.gbfsVersion,
    systemId: startOptions.systemId ?? DEFAULT_OPTIONS.systemId,
  };
  const source = await createSource(options, log, now);
  const server = createFeedServer(source, log);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('simulator is not listening on a TCP port');
  const { port } = address;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const baseUrl = `http://${host}:${port}`;
  return {
    url: `${baseUrl}/gbfs.json`,
    baseUrl,
    port,
    description: source.description,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
