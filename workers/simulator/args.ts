import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEFAULT_SYSTEM_ID, SIMULATED_VERSIONS } from './synthetic-feed';

/** A bad command line or --from folder: reported as one line, exit code 2. */
export class UsageError extends Error {}

export const USAGE = `Usage: npx tsx workers/simulator/index.ts [--from DIR] [--port N] [--interval SECONDS] [--seed N] [--stations N] [--gbfs-version V] [--system-id ID] [--host H] [--labels FILE [--tick-seconds N]]
  --from DIR          replay recorded GBFS files from DIR instead of simulating a city
  --port N            port to listen on (default 8181; 0 picks a free one)
  --host H            address to listen on (default 127.0.0.1)
  --interval SECONDS  seconds per tick or snapshot, also the feeds' ttl (default 10; 0 = next one per fetch)
  --seed N            synthetic city seed (default 1)
  --stations N        synthetic city size (default 250)
  --gbfs-version V    synthetic city's GBFS shape: ${SIMULATED_VERSIONS.join(', ')} (default 2.3)
  --system-id ID      synthetic city's system_id (default ${DEFAULT_SYSTEM_ID})
  --labels FILE       run the labelled activity model (riders' trips, trucks, glitches) and write the truth
                      about each tick to FILE as JSON lines (also served at /labels.json)
  --tick-seconds N    with --labels: city seconds per tick (default: the interval, or 60 with --interval 0);
                      a city faster than the wall clock starts a day back`;

const integer = (min: number, max: number) => {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.string().regex(/^-?\d+$/, message).transform(Number).pipe(z.number().min(min, message).max(max, message));
};

const optionsSchema = z.object({
  from: z.string().min(1, 'must name a folder').optional(),
  host: z.string().regex(/^[\w.:-]+$/, 'must be a host name or IP address').default('127.0.0.1'),
  port: integer(0, 65535).default(8181),
  interval: integer(0, 86_400).default(10),
  seed: integer(-2_147_483_648, 4_294_967_295).default(1),
  stations: integer(2, 2000).default(250),
  gbfsVersion: z.enum(SIMULATED_VERSIONS, { error: `must be one of ${SIMULATED_VERSIONS.join(', ')}` }).default('2.3'),
  systemId: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'must be lower-case letters, digits, - or _').default(DEFAULT_SYSTEM_ID),
  labels: z.string().min(1, 'must name a file').optional(),
  tickSeconds: integer(1, 3600).optional(),
});

const SYNTHETIC_ONLY = ['seed', 'stations', 'gbfsVersion', 'systemId', 'labels', 'tickSeconds'] as const;
const flagOf = (name: string) => `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;

export type SimulatorOptions = z.infer<typeof optionsSchema>;
export const DEFAULT_OPTIONS: SimulatorOptions = optionsSchema.parse({});

export type Command = { kind: 'help' } | { kind: 'run'; options: SimulatorOptions };

function tokenize(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        from: { type: 'string' },
        host: { type: 'string' },
        port: { type: 'string' },
        interval: { type: 'string' },
        seed: { type: 'string' },
        stations: { type: 'string' },
        'gbfs-version': { type: 'string' },
        'system-id': { type: 'string' },
        labels: { type: 'string' },
        'tick-seconds': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    // One line, without Node's advice on positionals after '--', which this command does not take.
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message.replace(/\s*\n\s*/g, ' ').replace(/\. To specify a positional argument.*$/, ''));
  }
}

/** Parses the simulator's command line (without node and script); throws a UsageError. */
export function parseSimulatorArgs(argv: readonly string[]): Command {
  const { help, 'gbfs-version': gbfsVersion, 'system-id': systemId, 'tick-seconds': tickSeconds, ...rest } = tokenize(argv);
  if (help === true) return { kind: 'help' };
  const given = { ...rest, gbfsVersion, systemId, tickSeconds };
  if (tickSeconds !== undefined && given.labels === undefined) throw new UsageError('--tick-seconds sets the labelled city\'s clock and needs --labels');
  const syntheticOnly = SYNTHETIC_ONLY.filter((name) => given[name] !== undefined);
  if (given.from !== undefined && syntheticOnly.length > 0) {
    // A replay serves the recorded files as they are, in their own version and with their own ids.
    throw new UsageError(`${syntheticOnly.map(flagOf).join(', ')} describe${syntheticOnly.length === 1 ? 's' : ''} the synthetic city and cannot be used with --from`);
  }
  const result = optionsSchema.safeParse(given);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = String(issue?.path[0] ?? 'arguments');
    const value = Object.entries(given).find(([key]) => key === name)?.[1];
    throw new UsageError(`${flagOf(name)} ${JSON.stringify(value)}: ${issue?.message ?? 'invalid'}`);
  }
  return { kind: 'run', options: result.data };
}
