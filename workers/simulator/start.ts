import { createLogger, type Logger } from '../../lib/runtime/log';
import { DEFAULT_OPTIONS, type SimulatorOptions } from './args';
import type { LabelledModelOptions } from './city-model';
import type { FeedSource } from './feed-source';
import { createLabelLog, labelFileWriter } from './label-log';
import { loadReplayFolder } from './replay-folder';
import { createReplaySource } from './replay-source';
import { createFeedServer } from './server';
import { createSyntheticSource } from './synthetic-source';
import type { StationTickLabel } from '../../lib/stations/insights/causes/labels';

export interface StartOptions extends Partial<SimulatorOptions> {
  log?: Logger;
  /** Milliseconds since 1970; tests pass a fake clock. */
  now?: () => number;
  /** Run the labelled activity model; its truth is served at /labels.json (and written to `labels`, a file, if given). */
  labelled?: Omit<LabelledModelOptions, 'onLabels'>;
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

interface Labelling {
  model: Omit<LabelledModelOptions, 'onLabels'>;
  file?: string;
}

/** A labelled synthetic city: each tick's truth goes to the log behind /labels.json and to the JSON lines file. */
function createLabelledSource(options: SimulatorOptions, labelling: Labelling, log: Logger, now: () => number) {
  const { seed, stations, interval, gbfsVersion, systemId } = options;
  const labelLog = createLabelLog();
  const writer = labelling.file === undefined ? undefined : labelFileWriter(labelling.file, log);
  const onLabels = (labels: StationTickLabel[]) => {
    labelLog.add(labels);
    writer?.write(labels);
  };
  const source = createSyntheticSource({ seed, stations, interval, gbfsVersion, systemId, now, labelled: { ...labelling.model, onLabels } });
  return { source: { ...source, labels: labelLog.since }, close: async () => writer?.close() };
}

async function createSource(options: SimulatorOptions, labelling: Labelling | undefined, log: Logger, now: () => number) {
  const { from, interval, seed, stations, gbfsVersion, systemId } = options;
  if (from === undefined && labelling) return createLabelledSource(options, labelling, log, now);
  const source: FeedSource =
    from === undefined
      ? createSyntheticSource({ seed, stations, interval, gbfsVersion, systemId, now })
      : createReplaySource(await loadReplayFolder(from, interval, log), { interval, now });
  return { source, close: async () => undefined };
}

/** --labels (a file) or the labelled option turn the labelled model on; --tick-seconds sets its clock. */
function labellingOf(options: SimulatorOptions, labelled: StartOptions['labelled']): Labelling | undefined {
  if (labelled === undefined && options.labels === undefined) return undefined;
  const model = { ...labelled, settings: { ...labelled?.settings, ...(options.tickSeconds === undefined ? {} : { tickSeconds: options.tickSeconds }) } };
  return { model, file: options.labels };
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
    labels: startOptions.labels,
    tickSeconds: startOptions.tickSeconds,
  };
  const { source, close: closeSource } = await createSource(options, labellingOf(options, startOptions.labelled), log, now);
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
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      await closeSource();
    },
  };
}
